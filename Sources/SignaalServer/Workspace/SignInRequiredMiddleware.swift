import Foundation
import Hummingbird

/// Sends a visitor without a session to the sign-in page (a GET, to come back after signing in) or refuses with
/// 401 (a POST, whose form cannot be replayed).
struct SignInRequiredMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity == nil else { return try await next(request, context) }
        guard request.method == .get || request.method == .head else { throw HTTPError(.unauthorized) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        let back = request.routePath.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/werkruimte"
        return Response(status: .seeOther, headers: [.location: "/werkruimte/aanmelden?terug=\(back)", .cacheControl: "no-store"])
    }
}
