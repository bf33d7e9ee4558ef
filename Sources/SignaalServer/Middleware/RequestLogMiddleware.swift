import Hummingbird
import Logging

/// Logs every request at debug level, as Hummingbird's `LogRequestsMiddleware` does, but never a secret: the path
/// of a tracking page or a password link is logged as its pattern.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.debug(
            "Request", metadata: ["hb.request.method": "\(request.method)", "hb.request.path": "\(request.loggablePath)"])
        return try await next(request, context)
    }
}
