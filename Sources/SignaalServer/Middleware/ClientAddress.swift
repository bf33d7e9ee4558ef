import Hummingbird
import SignaalCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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

    /// The key the client of `request` is counted under.
    static func key(of request: Request, context: AppRequestContext, trustedProxies: Set<String>) -> String {
        self.limitKey(
            self.resolve(peer: context.clientAddress, forwardedFor: request.headers[.xForwardedFor], trustedProxies: trustedProxies))
    }

    /// The key a client is counted under: its address, or for IPv6 its /64 network (`2001:db8:1:2::/64`).
    static func limitKey(_ address: String) -> String {
        guard address.contains(":") else { return address }
        // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d: each is counted by its own IPv4 address.
        if address.lowercased().hasPrefix("::ffff:"), address.contains(".") { return String(address.dropFirst(7)) }
        var bytes = in6_addr()
        guard inet_pton(AF_INET6, address, &bytes) == 1 else { return address }
        withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 8..<16 { raw[index] = 0 }
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &bytes, &text, socklen_t(text.count)) != nil else { return address }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/64"
    }
}
