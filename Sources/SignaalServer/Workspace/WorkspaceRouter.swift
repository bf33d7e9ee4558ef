import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// The routes under `/werkruimte`, all behind the session authenticator. A route is added with its
/// ``WorkspaceRule`` or not at all: a route without a rule cannot exist, and a rule other than `anyone` refuses a
/// visitor without a session (sign-in page or 401) and a member without the role (403).
struct WorkspaceRouter {
    private let group: RouterGroup<AppRequestContext>
    /// Every route added, with its rule: what the tests check route by route.
    private(set) var routes: [(method: HTTPRequest.Method, path: String, rule: WorkspaceRule)] = []

    init(router: Router<AppRequestContext>, authenticator: StaffSessionAuthenticator) {
        self.group = router.group("werkruimte").add(middleware: authenticator)
    }

    mutating func get(
        _ path: String, _ rule: WorkspaceRule, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        self.add(.get, path, rule, handler)
    }

    mutating func post(
        _ path: String, _ rule: WorkspaceRule, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        self.add(.post, path, rule, handler)
    }

    private mutating func add(
        _ method: HTTPRequest.Method, _ path: String, _ rule: WorkspaceRule,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        self.routes.append((method, "/werkruimte" + (path.isEmpty ? "" : "/" + path), rule))
        if rule == .anyone {
            self.group.on(RouterPath(path), method: method, use: handler)
            return
        }
        self.group.group()
            .add(middleware: SignInRequiredMiddleware())
            .add(middleware: AuthorizationPolicyMiddleware(rule, context: AppRequestContext.self))
            .on(RouterPath(path), method: method, use: handler)
    }
}
