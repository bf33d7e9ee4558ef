import Hummingbird

extension Request {
    /// The path as the router matches it: empty parts dropped, so that `//volg/X` is `/volg/X`. Middleware that
    /// treats a route specially decides on this, never on the raw path.
    var routePath: String {
        "/" + self.uri.path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// Whether this asks for a practitioner's tracking page, whose code is a secret.
    var isTrackingPage: Bool { self.routePath.hasPrefix("/volg/") }
}
