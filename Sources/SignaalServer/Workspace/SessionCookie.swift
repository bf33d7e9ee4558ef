import Hummingbird

/// The workspace's session cookie `signaal_sessie`: `HttpOnly`, `SameSite=Strict`, for `/werkruimte` only, and
/// `Secure` when the public URL is https.
struct SessionCookie: Sendable {
    static let name = "signaal_sessie"
    let isSecure: Bool

    func setting(_ sessionID: String) -> Cookie {
        Cookie(name: Self.name, value: sessionID, path: "/werkruimte", secure: self.isSecure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that makes the browser forget the session.
    var clearing: Cookie {
        Cookie(name: Self.name, value: "", maxAge: 0, path: "/werkruimte", secure: self.isSecure, httpOnly: true, sameSite: .strict)
    }
}
