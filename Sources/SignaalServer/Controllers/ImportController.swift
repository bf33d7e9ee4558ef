import Foundation
import HTTPTypes
import Hummingbird
import SignaalApp
import SignaalCore
import SignaalStore

/// `/import`: the upload page for coordinators, behind their platform's API key; `/import/sjabloon.csv`: the
/// template with the Dutch headers.
///
/// The key comes in a header — `Authorization: Bearer …` from a script, or the browser's Basic credentials (the
/// key as password), which the page's 401 asks for — and is checked before a byte of the upload is read. The upload
/// is then streamed to a temporary file. A browser's post (Basic credentials, which it repeats by itself) must also
/// carry the page's form token.
struct ImportController {
    let importer: SignalImport
    let keys: APIKeyCheck
    let renderer: PageRenderer
    let clock: CalendarClock
    let tokens: FormTokens
    /// The largest upload accepted. Default: 32 MiB.
    var bodyLimit = 32 * 1024 * 1024

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
        let upload: UploadFile
        do {
            upload = try await UploadFile.receive(request.body, limit: self.bodyLimit)
        } catch is UploadFile.TooLarge {
            return try self.page(error: "Het bestand is groter dan 32 MiB: verdeel het over meerdere bestanden.", status: .contentTooLarge)
        }
        defer { upload.remove() }
        guard let form = MultipartFormData(contentType: request.headers[.contentType] ?? "", body: try upload.contents()) else {
            return try self.page(error: "Kies een CSV-bestand om op te laden.", status: .badRequest)
        }
        if APIKeyCheck.isBrowserCredential(request) {
            let field = form.part(FormToken.fieldName).map { String(decoding: $0.data, as: UTF8.self) }
            guard self.tokens.verified(request, field: field) != nil else {
                return try self.page(error: "Dit formulier is verlopen: laad de pagina opnieuw en probeer nog eens.", status: .forbidden)
            }
        }
        guard let file = form.part("file"), !file.data.isEmpty else {
            return try self.page(error: "Kies een CSV-bestand om op te laden.", status: .badRequest)
        }
        do {
            let report = try await self.importer.run(
                file.data, platform: key.platform, organisation: key.organisation, apiKeyID: key.id, dryRun: form.part("dry_run") != nil,
                today: self.clock.today(), logger: context.logger)
            return try self.page(report: report, status: .ok)
        } catch let error as CSVError {
            return try self.page(error: "Het bestand kon niet gelezen worden: \(error).", status: .unprocessableContent)
        }
    }

    /// The page with a form token in its hidden field and cookie: a fresh one, or the one of the cookie `request`
    /// came with (the 401 before a browser repeats its post with credentials keeps the cookie that post is bound to).
    private func page(
        report: SignalImport.Report? = nil, error: String? = nil, status: HTTPResponse.Status, keeping request: Request? = nil
    ) throws -> Response {
        let token = request.map(self.tokens.current) ?? self.tokens.issue()
        var html = HTML(
            try self.renderer.render(ImportPage(formToken: token.field, report: report, error: error), with: .import), status: status)
        html.cookies = [self.tokens.cookie(token)]
        return html.response
    }
}
