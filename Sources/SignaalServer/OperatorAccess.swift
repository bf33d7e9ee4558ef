import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Who may read the operations endpoints' details (`/metrics`, and what `/readyz` says beyond its status): a caller
/// with the configured bearer token, or — when no token is configured — a client on the loopback address.
struct OperatorAccess: Sendable {
    /// The token of `--metrics-token`; `nil`: loopback clients only.
    let token: String?

    func allows(_ request: Request, context: AppRequestContext) -> Bool {
        if let token {
            guard let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") else {
                return false
            }
            // Compared as digests: the time taken says nothing about how much of the token was right.
            let presented = SHA256.hash(data: Data(authorization.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8))
            return presented == SHA256.hash(data: Data(token.utf8))
        }
        // Behind a reverse proxy on the same machine every client arrives from loopback: a forwarded request is
        // never the operator's own.
        guard let address = context.clientAddress, request.headers[.xForwardedFor] == nil,
            request.headers[HTTPField.Name("Forwarded")!] == nil
        else { return false }
        return address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
