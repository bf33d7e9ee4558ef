public import Hummingbird
public import HummingbirdAuth

/// The request context of every Signaal route: under `/werkruimte` it carries the signed-in staff member.
public struct AppRequestContext: AuthRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (the proxy's, behind a reverse proxy), for rate limiting; `nil` when unknown.
    public let clientAddress: String?
    /// The staff member whose session cookie came with the request (``StaffSessionAuthenticator``).
    public var identity: StaffSession?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
