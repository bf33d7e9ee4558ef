import Foundation
import HTTPTypes
import Hummingbird
import SignaalApp
import SignaalCore
import SignaalStore

/// `/import`: the upload page for holders of an API key — scripts, and partner organisations without a workspace
/// account (coordinators import from the workspace, `/werkruimte/import`); `/import/sjabloon.csv`: the template
/// with the Dutch headers.
///
/// The key comes in a header — `Authorization: Bearer …` from a script, or the browser's Basic credentials (the
/// key as password), which the page's 401 asks for — and is checked before a byte of the upload is read. The upload
/// is then streamed to a temporary file. A browser's post (Basic credentials, which it repeats by itself) must also
/// carry the page's form token.
struct ImportController {
    let uploads: ImportUpload
    let keys: APIKeyCheck
    let renderer: PageRenderer
    let tokens: FormTokens

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("import") { request, _ in try self.page(status: .ok, keeping: request) }
        router.post("import", use: self.upload)
        router.get("import/sjabloon.csv") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"import-sjabloon.csv\""],
                body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + SignalImportMapping.templateHeader + "\r\n")))
        }
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let key: APIKey
        do {
            key = try await self.keys.requiredKey(request, context: context)
        } catch let problem as Problem where problem.statusCode == 401 {
            var response = try self.page(
                error: "Geef de API-sleutel van je platform als wachtwoord; een onbekende of ingetrokken sleutel werkt niet.",
                status: .unauthorized, keeping: request)
            response.headers[.wwwAuthenticate] = #"Basic realm="Signaal-import", charset="UTF-8""#
            return response
        }
        let outcome = try await self.uploads.run(
            request, context: context, platform: key.platform, organisation: key.organisation, apiKeyID: key.id
        ) { form in
            guard APIKeyCheck.isBrowserCredential(request) else { return true }
            return self.tokens.verified(request, field: form.part(FormToken.fieldName).map { String(decoding: $0.data, as: UTF8.self) })
                != nil
        }
        switch outcome {
        case .report(let report): return try self.page(report: report, status: .ok)
        case .refused(let message, let status): return try self.page(error: message, status: status)
        }
    }

    /// The page with a form token in its hidden field and cookie: a fresh one, or the one of the cookie `request`
    /// came with (the 401 before a browser repeats its post with credentials keeps the cookie that post is bound to).
    private func page(
        report: SignalImport.Report? = nil, error: String? = nil, status: HTTPResponse.Status, keeping request: Request? = nil
    ) throws -> Response {
        let token = request.map(self.tokens.current) ?? self.tokens.issue()
        var html = HTML(
            try self.renderer.render(ImportPage(formToken: token.field, report: report, error: error, chrome: nil), with: .import),
            status: status)
        html.cookies = [self.tokens.cookie(token)]
        return html.response
    }
}
