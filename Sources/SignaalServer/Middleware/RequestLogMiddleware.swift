import Hummingbird
import Logging

/// Logs every request at debug level, as Hummingbird's `LogRequestsMiddleware` does, but never a tracking code:
/// the path of a tracking page is logged as its pattern.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.debug(
            "Request", metadata: ["hb.request.method": "\(request.method)", "hb.request.path": "\(Self.loggable(request))"])
        return try await next(request, context)
    }

    /// The request's path as it may be logged: a tracking code (a secret) is replaced by the route's placeholder.
    static func loggable(_ request: Request) -> String {
        request.isTrackingPage ? "/volg/{tracking_code}" : request.uri.path
    }
}
