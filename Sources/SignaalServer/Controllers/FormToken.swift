import Hummingbird

/// The one-time token of a form page: CSRF protection (double-submit cookie) and double-submission protection
/// (the token is the idempotency key of what the form stores).
///
/// The page carries the token in a hidden field and the browser in a `SameSite=Strict`, `HttpOnly` cookie; a POST
/// is accepted only when both agree, which another site can neither read nor forge.
struct FormToken: Equatable {
    let value: String

    static let cookieName = "signaal_formulier"
    static let fieldName = "form_token"

    /// 128 random bits as 32 hexadecimal digits.
    static func random() -> FormToken {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<2).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }
        return FormToken(value: digits.joined())
    }

    /// The token of a POST when cookie and field agree, else `nil`.
    static func verified(cookie: String?, field: String?) -> FormToken? {
        guard let cookie, let field, cookie.count == 32, cookie == field,
            cookie.allSatisfy({ $0.isHexDigit && $0.isASCII })
        else { return nil }
        return FormToken(value: cookie)
    }

    /// The cookie that carries the token (session cookie, this site only, not readable by scripts).
    var cookie: Cookie {
        Cookie(name: Self.cookieName, value: self.value, path: "/", httpOnly: true, sameSite: .strict)
    }
}
