import HTTPTypes
import Hummingbird
import Logging

/// Limits how often one client may submit (every POST: the form and the API); over the limit the answer is 429 with
/// `Retry-After`.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: RateLimiter
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        let client = ClientAddress.resolve(
            peer: context.clientAddress, forwardedFor: request.headers[.xForwardedFor], trustedProxies: self.trustedProxies)
        if case .limited(let seconds) = self.limiter.acquire(client: client) {
            context.logger.notice("Client over the rate limit", metadata: ["http.retry_after": "\(seconds)"])
            throw TooManyRequests(retryAfterSeconds: seconds)
        }
        return try await next(request, context)
    }
}

/// A client sent more than the rate limit allows; ``ProblemMiddleware`` answers 429.
struct TooManyRequests: Error {
    let retryAfterSeconds: Int
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
