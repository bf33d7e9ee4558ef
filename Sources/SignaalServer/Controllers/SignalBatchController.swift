import Foundation
import Hummingbird
import Logging
import SignaalCore
import SignaalStore
import SignaalText

/// `POST /api/v1/signals/batch`: a regional platform or partner (with its API key) sends up to 1,000 signals at once.
/// Each is validated and scrubbed like a single one; the answer says per signal whether it was created (with its
/// tracking code), a duplicate (its `external_id` came before from this platform) or invalid (with field problems).
/// Valid signals are stored even when others in the batch are not.
struct SignalBatchController {
    let reception: SignalReception
    let keys: APIKeyCheck
    /// The largest body accepted. Default: 4 MiB.
    var bodyLimit = 4 * 1024 * 1024
    static let maximumSignals = 1000

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("signals/batch", use: self.create)
    }

    struct Results: ResponseEncodable {
        let created: Int
        let duplicates: Int
        let invalid: Int
        let results: [Item]

        struct Item: Encodable {
            let index: Int
            let externalID: String?
            let status: String
            let id: Int64?
            let trackingCode: String?
            let errors: [Problem.FieldError]?

            enum CodingKeys: String, CodingKey {
                case index, status, id, errors
                case externalID = "external_id"
                case trackingCode = "tracking_code"
            }
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Results {
        let key = try await self.keys.requiredKey(request, context: context)
        guard request.headers[.contentType].map(SignalAPIController.isJSON) ?? false else { throw Problem(.unsupportedMediaType) }
        var request = request
        let body = try await request.collectBody(upTo: self.bodyLimit)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let items = object["signals"] as? [Any]
        else {
            throw Problem(.malformedJSON, detail: #"Stuur één JSON-object {"signals": [ … ]} met hoogstens 1000 signalen, in UTF-8."#)
        }
        guard items.count <= Self.maximumSignals else { throw Problem(.tooManySignals) }

        var results = [Results.Item?](repeating: nil, count: items.count)
        var valid: [(index: Int, signal: ValidatedSignal, origin: SignalOrigin)] = []
        let today = self.reception.clock.today()
        for (index, item) in items.enumerated() {
            switch Self.submission(item) {
            case .failure(let unreadable):
                results[index] = .init(
                    index: index, externalID: nil, status: "invalid", id: nil, trackingCode: nil, errors: unreadable.problems)
            case .success(let (submission, externalID)):
                switch self.reception.intake.prepare(submission, source: .batch, today: today) {
                case .failure(let failure):
                    results[index] = .init(
                        index: index, externalID: externalID, status: "invalid", id: nil, trackingCode: nil,
                        errors: Problem(failure).errors)
                case .success(let signal):
                    valid.append((index, signal, SignalOrigin(key: key, externalID: externalID)))
                }
            }
        }
        let arrivals = valid.map { self.reception.arrival.prepare(description: $0.signal.description, submittedThemes: $0.signal.themes.map(\.code)) }
        let outcomes = try await self.reception.store.insertBatch(
            zip(valid, arrivals).map { ($0.signal, $0.origin, $1) }, logger: context.logger)
        for (item, outcome) in zip(valid, outcomes) {
            switch outcome {
            case .created(let receipt):
                SignaalMetrics.accepted(.batch, replacements: item.signal.replacements)
                results[item.index] = .init(
                    index: item.index, externalID: item.origin.externalID, status: "created", id: receipt.id,
                    trackingCode: receipt.trackingCode.rawValue, errors: nil)
                await self.reception.arrival.settle(receipt, description: item.signal.description, logger: context.logger)
            case .duplicate(let id, let trackingCode):
                results[item.index] = .init(
                    index: item.index, externalID: item.origin.externalID, status: "duplicate", id: id,
                    trackingCode: trackingCode.rawValue, errors: nil)
            }
        }
        let all = results.map { $0! }
        context.logger.info(
            "Batch received",
            metadata: ["api_key.id": "\(key.id)", "batch.size": "\(items.count)", "batch.created": "\(all.filter { $0.status == "created" }.count)"])
        return Results(
            created: all.filter { $0.status == "created" }.count, duplicates: all.filter { $0.status == "duplicate" }.count,
            invalid: all.filter { $0.status == "invalid" }.count, results: all)
    }

    /// One element of `signals` as a submission and its `external_id`, or the problems that make it unreadable.
    static func submission(_ item: Any) -> Result<(SignalSubmission, String?), ItemProblems> {
        guard var fields = item as? [String: Any] else {
            return .failure(ItemProblems([.init(field: "signals[]", code: "invalid_type", detail: "Elk signaal is een JSON-object.")]))
        }
        var externalID: String?
        if let value = fields.removeValue(forKey: "external_id"), !(value is NSNull) {
            guard let text = value as? String, (1...200).contains(text.count) else {
                return .failure(ItemProblems([.init(
                    field: "external_id", code: "invalid_format", detail: "Een eigen referentie is tekst van 1 tot 200 tekens.")]))
            }
            externalID = text
        }
        guard let data = try? JSONSerialization.data(withJSONObject: fields),
              let submission = try? JSONDecoder().decode(SignalSubmission.self, from: data)
        else {
            return .failure(ItemProblems([.init(field: "signals[]", code: "invalid_type", detail: "Dit signaal kon niet gelezen worden.")]))
        }
        return .success((submission, externalID))
    }

    /// The field problems of an element that could not be read.
    struct ItemProblems: Error {
        let problems: [Problem.FieldError]
        init(_ problems: [Problem.FieldError]) { self.problems = problems }
    }
}
