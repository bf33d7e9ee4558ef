import HTTPTypes
import Hummingbird
import Logging

/// Limits how often one client may do what an attacker repeats: submit (every POST: the form and the API), look up
/// a tracking code (`GET /volg/…`) and present an API key. A failure — a refused key (401) or an unknown tracking
/// code (404) — costs a second token, so guessing runs out twice as fast. Over the limit the answer is 429 with
/// `Retry-After`. IPv6 clients are counted per /64, the block one subscriber usually holds. A signed-in
/// coordinator's work in the workspace is not limited (signing in is, and has its own throttle per account).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: RateLimiter
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isTracking = request.method == .get && request.isTrackingPage
        guard (request.method == .post && !request.isSignedInWork) || isTracking || APIKeyCheck.carriesKey(request) else {
            return try await next(request, context)
        }
        let client = ClientAddress.key(of: request, context: context, trustedProxies: self.trustedProxies)
        if case .limited(let seconds) = self.limiter.acquire(client: client) {
            context.logger.notice("Client over the rate limit", metadata: ["http.retry_after": "\(seconds)"])
            throw TooManyRequests(retryAfterSeconds: seconds)
        }
        do {
            let response = try await next(request, context)
            if response.status == .unauthorized || (isTracking && response.status == .notFound) { _ = self.limiter.acquire(client: client) }
            return response
        } catch let error as any HTTPResponseError where error.status == .unauthorized || (isTracking && error.status == .notFound) {
            _ = self.limiter.acquire(client: client)
            throw error
        }
    }
}

/// A client sent more than the rate limit allows; ``ProblemMiddleware`` answers 429.
struct TooManyRequests: Error {
    let retryAfterSeconds: Int
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
