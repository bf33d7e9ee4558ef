import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SignaalStore

/// A workspace form as posted: its fields, accepted only with the session's form token (field `csrf`).
struct WorkspaceForm {
    let fields: FormBody
    let session: StaffSession

    static let tokenField = "csrf"
    /// The largest form accepted (the longest field is a 1000-character note).
    static let bodyLimit = 64 * 1024

    /// Reads the body of a signed-in member's post.
    /// - Throws: 403 when the token is not the session's, 413 when the body is too large.
    static func read(_ request: Request, context: AppRequestContext, tokens: FormTokens) async throws -> WorkspaceForm {
        let session = try context.requireIdentity()
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: Self.bodyLimit)))
        guard tokens.isValid(fields.value(named: Self.tokenField), for: session) else {
            context.logger.notice("Workspace post without the session's form token", metadata: ["staff.id": "\(session.member.id)"])
            throw HTTPError(.forbidden, message: "Dit formulier is verlopen: laad de pagina opnieuw en probeer nog eens.")
        }
        return WorkspaceForm(fields: fields, session: session)
    }

    func value(_ name: String) -> String? {
        self.fields.value(named: name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func values(_ name: String) -> [String] { self.fields.values(named: name) }
}
