import Foundation
import HTTPTypes
import Hummingbird
import SignaalApp
import SignaalCluster
import SignaalCore
import SignaalIntake
import SignaalStore

/// `POST /api/v1/signals`: partner organisations submit one signal as JSON and receive its tracking code.
struct SignalAPIController {
    let reception: SignalReception
    let keys: APIKeyCheck
    let bodyLimit: Int

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("signals", use: self.create)
    }

    /// The answer to an accepted signal: 201 once stored (with its `id`), 202 while it waits in the spool.
    struct Created: ResponseEncodable {
        let id: Int64?
        let trackingCode: String
        let status: String
        let receivedAt: Date
        let region: String
        let municipality: String?
        /// Every theme the signal got: the submitter's choice, else the classifier's proposals, with confidence.
        let themes: [Theme]
        /// Where personal data was replaced by a placeholder: field and type, never the data.
        let replacedPersonalData: [Replacement]

        struct Replacement: Encodable {
            let field: String
            let type: String
        }

        /// A theme of the signal: `source` is `submitter` (confidence 1) or `classifier`.
        struct Theme: Encodable {
            let code: String
            let source: String
            let confidence: Double
        }

        enum CodingKeys: String, CodingKey {
            case id, status, region, municipality, themes
            case trackingCode = "tracking_code"
            case receivedAt = "received_at"
            case replacedPersonalData = "replaced_personal_data"
        }

        /// `id` only once stored; `municipality` always, `null` when the postcode covers several municipalities.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(self.id, forKey: .id)
            try container.encode(self.trackingCode, forKey: .trackingCode)
            try container.encode(self.status, forKey: .status)
            try container.encode(self.receivedAt, forKey: .receivedAt)
            try container.encode(self.region, forKey: .region)
            try container.encode(self.municipality, forKey: .municipality)
            try container.encode(self.themes, forKey: .themes)
            try container.encode(self.replacedPersonalData, forKey: .replacedPersonalData)
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        guard request.headers[.contentType].map(Self.isJSON) ?? false else { throw Problem(.unsupportedMediaType) }
        var request = request
        _ = try await request.collectBody(upTo: self.bodyLimit)
        let submission: SignalSubmission
        do {
            submission = try await request.decode(as: SignalSubmission.self, context: context)
        } catch {
            throw Problem(.malformedJSON, detail: "Stuur één JSON-object met de velden van een signaal, in UTF-8.")
        }
        // An idempotency key is the caller's: scoped to its API key, so that another caller's repeat never meets it.
        let caller = try await self.keys.optionalKey(request, context: context)
        let key = try request.headers[.idempotencyKey].map { try Self.idempotencyKey($0, caller: caller) }
        let accepted = try await self.reception.receive(submission, source: .api, idempotencyKey: key, logger: context.logger).get()
        let signal = accepted.signal
        let id: Int64? =
            switch accepted.state {
            case .stored(let receipt): receipt.id
            case .repeated(let id): id
            case .spooled: nil
            }
        return EditedResponse(
            status: id == nil ? .accepted : .created,
            response: Created(
                id: id,
                trackingCode: accepted.trackingCode.rawValue,
                status: id == nil ? "queued" : "received",
                receivedAt: accepted.receivedAt,
                region: signal.region.code,
                municipality: signal.municipality?.name,
                themes: accepted.prepared.classification.themes.map {
                    Created.Theme(code: $0.code, source: $0.source.rawValue, confidence: ($0.confidence * 1000).rounded() / 1000)
                },
                replacedPersonalData: signal.replacements.map { Created.Replacement(field: $0.field, type: $0.kind.rawValue) }
            )
        )
    }

    /// The `Idempotency-Key` header: 1–255 visible ASCII characters, unique per API key (`api:<key id>`), or among
    /// callers without a key (`api`).
    static func idempotencyKey(_ value: String, caller: APIKey?) throws -> IdempotencyKey {
        guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ValidationFailure(problems: [FieldProblem(field: "Idempotency-Key", code: .invalidFormat)])
        }
        return IdempotencyKey(scope: caller.map { "api:\($0.id)" } ?? "api", key: value)
    }

    /// `application/json`, with or without parameters such as `charset=utf-8`.
    static func isJSON(_ contentType: String) -> Bool {
        contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}

extension HTTPField.Name {
    /// The header that makes a POST safe to retry (draft-ietf-httpapi-idempotency-key-header).
    static let idempotencyKey = Self("Idempotency-Key")!
}
