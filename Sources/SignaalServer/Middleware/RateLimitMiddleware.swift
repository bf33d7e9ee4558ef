import Hummingbird
import Logging

/// Limits how often one client may submit (every POST: the form and the API); over the limit the answer is 429 with
/// `Retry-After`.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if case .limited(let seconds) = self.limiter.acquire(client: context.clientAddress ?? "unknown") {
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
