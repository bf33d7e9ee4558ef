import Crypto
import Foundation
import Hummingbird

/// Issues and checks the form tokens of the pages that post (the intake form, the sign-in form, the workspace's
/// forms) under one secret.
struct FormTokens: Sendable {
    let secret: SymmetricKey
    /// Whether the site is served over https: the cookie is then `Secure` and carries the `__Host-` prefix, which a
    /// browser accepts only from this host over https, for the whole site.
    let isSecure: Bool

    init(secret: Data, isSecure: Bool) {
        self.secret = SymmetricKey(data: secret)
        self.isSecure = isSecure
    }

    var cookieName: String { self.isSecure ? "__Host-signaal_formulier" : "signaal_formulier" }

    /// A new token.
    func issue() -> FormToken {
        var generator = SystemRandomNumberGenerator()
        let value = (0..<2).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
        return FormToken(value: value, field: self.mac(value))
    }

    /// The token the request's cookie already carries, else a new one: a page that answers a post it refused (the
    /// import's 401, after which the browser repeats the post with credentials) must not replace the cookie the
    /// repeated post's field is bound to.
    func current(_ request: Request) -> FormToken {
        guard let cookie = request.cookies[self.cookieName]?.value, cookie.count == 32, cookie.allSatisfy({ $0.isHexDigit && $0.isASCII })
        else { return self.issue() }
        return FormToken(value: cookie, field: self.mac(cookie))
    }

    /// The token of a POST when its field is the HMAC of its cookie, else `nil`.
    func verified(_ request: Request, field: String?) -> FormToken? {
        guard let cookie = request.cookies[self.cookieName]?.value, let field, cookie.count == 32,
            cookie.allSatisfy({ $0.isHexDigit && $0.isASCII }),
            HMAC<SHA256>.isValidAuthenticationCode(Self.bytes(hex: field) ?? [], authenticating: Data(cookie.utf8), using: self.secret)
        else { return nil }
        return FormToken(value: cookie, field: field)
    }

    /// The form token of a workspace session (hidden field `csrf`): the HMAC of the session id, so bound to the
    /// session and the same in every daemon that shares the secret.
    func token(for session: StaffSession) -> String {
        self.mac("werkruimte:" + session.id)
    }

    /// Whether `field` is the form token of `session`.
    func isValid(_ field: String?, for session: StaffSession) -> Bool {
        guard let field, let bytes = Self.bytes(hex: field) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(("werkruimte:" + session.id).utf8), using: self.secret)
    }

    /// The cookie that carries the token's nonce (session cookie, this site only, not readable by scripts).
    func cookie(_ token: FormToken) -> Cookie {
        Cookie(name: self.cookieName, value: token.value, path: "/", secure: self.isSecure, httpOnly: true, sameSite: .strict)
    }

    private func mac(_ value: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: self.secret).map { String(format: "%02x", $0) }.joined()
    }

    private static func bytes(hex: String) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
