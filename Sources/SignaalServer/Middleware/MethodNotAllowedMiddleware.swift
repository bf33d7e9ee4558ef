import HTTPTypes
import Hummingbird
import Synchronization

/// Answers 405 Method Not Allowed with an `Allow` header for a path that has routes, but none for the request's
/// method: Hummingbird's router answers 404 for both. Added before the routes, it learns them once they are all
/// registered (``RouteMethods/learn(_:)``).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let routes: RouteMethods

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            let allowed = self.routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            var problem = Problem(.methodNotAllowed)
            problem.extraHeaders[.allow] = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            throw problem
        }
    }
}

/// The methods each route path of the router takes, learnt from `Router.routes`.
final class RouteMethods: Sendable {
    private let routes = Mutex<[(path: RouterPath, method: HTTPRequest.Method)]>([])

    /// Learns the routes of `router`, once every route is added.
    func learn(_ router: Router<AppRequestContext>) {
        let routes = router.routes.map { (path: $0.path, method: $0.method) }
        self.routes.withLock { $0 = routes }
    }

    /// The methods of the routes whose path matches `path`; empty when none does.
    func methods(for path: String) -> Set<HTTPRequest.Method> {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return self.routes.withLock { routes in
            Set(
                routes.filter { route in
                    route.path.components.count == segments.count
                        && zip(route.path.components, segments).allSatisfy { component, segment in component ~= segment }
                }.map(\.method))
        }
    }
}
