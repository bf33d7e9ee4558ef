import Foundation
import Hummingbird
import Logging
import SignaalApp
import SignaalCore

/// An upload of the CSV import, from the key-based `/import` or the workspace's `/werkruimte/import`: streamed to
/// a temporary file, its form token checked, its file imported for one platform.
struct ImportUpload {
    let importer: SignalImport
    let clock: CalendarClock
    /// The largest upload accepted. Default: 32 MiB.
    var bodyLimit = 32 * 1024 * 1024

    /// What became of an upload: the import's report, or why there is none (in Dutch, with the status to answer).
    enum Outcome {
        case report(SignalImport.Report)
        case refused(String, HTTPResponse.Status)
    }

    /// Receives the body and, when `tokenIsValid` accepts the form, imports its file.
    func run(
        _ request: Request, context: AppRequestContext, platform: String, organisation: String?, apiKeyID: Int64?,
        tokenIsValid: (MultipartFormData) -> Bool
    ) async throws -> Outcome {
        let upload: UploadFile
        do {
            upload = try await UploadFile.receive(request.body, limit: self.bodyLimit)
        } catch is UploadFile.TooLarge {
            return .refused("Het bestand is groter dan 32 MiB: verdeel het over meerdere bestanden.", .contentTooLarge)
        }
        defer { upload.remove() }
        guard let form = MultipartFormData(contentType: request.headers[.contentType] ?? "", body: try upload.contents()) else {
            return .refused("Kies een CSV-bestand om op te laden.", .badRequest)
        }
        guard tokenIsValid(form) else {
            return .refused("Dit formulier is verlopen: laad de pagina opnieuw en probeer nog eens.", .forbidden)
        }
        guard let file = form.part("file"), !file.data.isEmpty else {
            return .refused("Kies een CSV-bestand om op te laden.", .badRequest)
        }
        do {
            return .report(
                try await self.importer.run(
                    file.data, platform: platform, organisation: organisation, apiKeyID: apiKeyID, dryRun: form.part("dry_run") != nil,
                    today: self.clock.today(), logger: context.logger))
        } catch let error as CSVError {
            return .refused("Het bestand kon niet gelezen worden: \(error).", .unprocessableContent)
        }
    }
}
