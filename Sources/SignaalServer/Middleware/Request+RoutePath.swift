import Hummingbird

extension Request {
    /// The path as the router matches it: empty parts dropped, so that `//volg/X` is `/volg/X`. Middleware that
    /// treats a route specially decides on this, never on the raw path.
    var routePath: String {
        "/" + self.uri.path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// Whether this asks for a practitioner's tracking page, whose code is a secret.
    var isTrackingPage: Bool { self.routePath.hasPrefix("/volg/") }

    /// Whether this is a post of the workspace behind its session (every workspace post but signing in and setting
    /// a password), which the per-client rate limit leaves alone.
    var isSignedInWork: Bool {
        let path = self.routePath
        return path.hasPrefix("/werkruimte/") && path != "/werkruimte/aanmelden" && !path.hasPrefix("/werkruimte/wachtwoord/")
    }

    /// The path as it may be logged: a secret in it (a tracking code, a password link) is replaced by the route's
    /// placeholder.
    var loggablePath: String {
        if self.isTrackingPage { return "/volg/{tracking_code}" }
        if self.routePath.hasPrefix("/werkruimte/wachtwoord/") { return "/werkruimte/wachtwoord/{token}" }
        return self.uri.path
    }
}
