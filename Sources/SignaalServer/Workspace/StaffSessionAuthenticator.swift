import Hummingbird
import HummingbirdAuth
import SignaalApp

/// Reads the session cookie and, when its session is alive and its account active, puts the staff member in the
/// context. Without one the request goes on anonymous: each route's ``WorkspaceRule`` decides.
struct StaffSessionAuthenticator: AuthenticatorMiddleware {
    typealias Context = AppRequestContext
    let signIn: StaffSignIn

    func authenticate(request: Request, context: AppRequestContext) async throws -> StaffSession? {
        guard let id = request.cookies[SessionCookie.name]?.value, !id.isEmpty,
            let member = try await self.signIn.member(ofSession: id, logger: context.logger)
        else { return nil }
        return StaffSession(member: member, id: id)
    }
}
