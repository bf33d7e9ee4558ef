import SignaalCore

/// Who a request comes from, for rate limiting: the peer's address, or — when the peer is a reverse proxy the
/// operator trusts — the last address in `X-Forwarded-For` that is not one of those proxies.
///
/// Only trusted proxies are believed: anyone can send an `X-Forwarded-For` header.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: String?, trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return hops.last { !trustedProxies.contains($0) } ?? peer
    }
}
