import Foundation
import Hummingbird
import SignaalApp
import SignaalCore
import SignaalStore

/// `/import`: the upload page for coordinators, behind their platform's API key; `/import/sjabloon.csv`: the
/// template with the Dutch headers.
struct ImportController {
    let importer: SignalImport
    let keys: APIKeyStore
    let renderer: PageRenderer
    let clock: CalendarClock
    /// The largest upload accepted. Default: 32 MiB.
    var bodyLimit = 32 * 1024 * 1024

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("import") { _, _ in HTML(try self.renderer.render(ImportPage(), with: .import)) }
        router.post("import", use: self.upload)
        router.get("import/sjabloon.csv") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"import-sjabloon.csv\""],
                body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + SignalImportMapping.templateHeader + "\r\n")))
        }
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var request = request
        let body = try await request.collectBody(upTo: self.bodyLimit)
        guard let form = MultipartFormData(contentType: request.headers[.contentType] ?? "", body: Data(body.readableBytesView)),
            let file = form.part("file"), !file.data.isEmpty
        else {
            return try self.page(error: "Kies een CSV-bestand om op te laden.", status: .badRequest)
        }
        let presented =
            form.part("api_key").map { String(decoding: $0.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard let key = try await self.keys.authenticate(presented, logger: context.logger) else {
            return try self.page(
                error: "Deze API-sleutel is onbekend of ingetrokken. Vraag de beheerder om een sleutel.", status: .unauthorized)
        }
        let dryRun = form.part("dry_run") != nil
        do {
            let report = try await self.importer.run(
                file.data, platform: key.platform, organisation: key.organisation, dryRun: dryRun, today: self.clock.today(),
                logger: context.logger)
            return HTML(try self.renderer.render(ImportPage(report: report), with: .import))
        } catch let error as CSVError {
            return try self.page(error: "Het bestand kon niet gelezen worden: \(error).", status: .unprocessableContent)
        }
    }

    private func page(error: String, status: HTTPResponse.Status) throws -> HTML {
        HTML(try self.renderer.render(ImportPage(error: error), with: .import), status: status)
    }
}
