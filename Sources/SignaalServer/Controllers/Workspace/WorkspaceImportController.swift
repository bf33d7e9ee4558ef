import Hummingbird
import HummingbirdAuth
import Logging
import SignaalApp
import SignaalCore
import SignaalStore

/// `/werkruimte/import`: a coordinator uploads a CSV file for their own platform under their session, with a dry
/// run and the error report as on `/import`. The form carries the session's token.
struct WorkspaceImportController {
    let uploads: ImportUpload
    let renderer: PageRenderer
    let tokens: FormTokens
    let reference: ReferenceData

    func addRoutes(to workspace: inout WorkspaceRouter) {
        workspace.get("import", .changeSignals) { request, context in
            try self.page(context: context, status: .ok)
        }
        workspace.post("import", .changeSignals, use: self.upload)
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireIdentity()
        guard let platform = session.member.platform else { throw HTTPError(.forbidden) }
        let outcome = try await self.uploads.run(request, context: context, platform: platform, organisation: nil, apiKeyID: nil) { form in
            self.tokens.isValid(form.part(WorkspaceForm.tokenField).map { String(decoding: $0.data, as: UTF8.self) }, for: session)
        }
        context.logger.info("Workspace import", metadata: ["staff.id": "\(session.member.id)"])
        switch outcome {
        case .report(let report): return try self.page(context: context, report: report, status: .ok)
        case .refused(let message, let status): return try self.page(context: context, error: message, status: status)
        }
    }

    private func page(
        context: AppRequestContext, report: SignalImport.Report? = nil, error: String? = nil, status: HTTPResponse.Status
    ) throws -> Response {
        let chrome = WorkspaceChrome(session: try context.requireIdentity(), tokens: self.tokens, reference: self.reference)
        return HTML(
            try self.renderer.render(ImportPage(formToken: chrome.csrf, report: report, error: error, chrome: chrome), with: .import),
            status: status
        ).response
    }
}
