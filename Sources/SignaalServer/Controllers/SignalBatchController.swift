import Foundation
import Hummingbird
import Logging
import SignaalApp
import SignaalCore
import SignaalStore

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
        _ = try await request.collectBody(upTo: self.bodyLimit)
        let batch: BatchBody
        do {
            batch = try await request.decode(as: BatchBody.self, context: context)
        } catch {
            throw Problem(.malformedJSON, detail: #"Stuur één JSON-object {"signals": [ … ]} met hoogstens 1000 signalen, in UTF-8."#)
        }
        let items = batch.signals
        guard items.count <= Self.maximumSignals else { throw Problem(.tooManySignals) }

        let readable = items.compactMap { item in
            item.submission.map { (submission: $0, origin: SignalOrigin(key: key, externalID: item.externalID)) }
        }
        var received = try await self.reception.receiveBatch(readable, logger: context.logger).makeIterator()
        let results = items.enumerated().map { index, item -> Results.Item in
            guard item.submission != nil else {
                return .init(index: index, externalID: nil, status: "invalid", id: nil, trackingCode: nil, errors: item.problems)
            }
            switch received.next()! {
            case .created(let receipt):
                return .init(
                    index: index, externalID: item.externalID, status: "created", id: receipt.id,
                    trackingCode: receipt.trackingCode.rawValue, errors: nil)
            case .duplicate(let id, let trackingCode):
                return .init(
                    index: index, externalID: item.externalID, status: "duplicate", id: id, trackingCode: trackingCode.rawValue,
                    errors: nil)
            case .invalid(let failure):
                return .init(
                    index: index, externalID: item.externalID, status: "invalid", id: nil, trackingCode: nil,
                    errors: Problem(failure).errors)
            }
        }
        let created = results.filter { $0.status == "created" }.count
        context.logger.info(
            "Batch received", metadata: ["api_key.id": "\(key.id)", "batch.size": "\(items.count)", "batch.created": "\(created)"])
        return Results(
            created: created, duplicates: results.filter { $0.status == "duplicate" }.count,
            invalid: results.filter { $0.status == "invalid" }.count, results: results)
    }

    /// The body: `{"signals": [ … ]}`.
    struct BatchBody: Decodable {
        let signals: [BatchItem]
    }

    /// One element of `signals`: a submission and its `external_id`, or the problems that make it unreadable. Never
    /// fails to decode, so that one bad element does not cost the others.
    struct BatchItem: Decodable {
        let submission: SignalSubmission?
        let externalID: String?
        let problems: [Problem.FieldError]?

        private struct ExternalIDKey: CodingKey {
            static let key = ExternalIDKey(stringValue: "external_id")
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            (self.submission, self.externalID, self.problems) = Self.read(decoder)
        }

        private static func read(_ decoder: any Decoder) -> (SignalSubmission?, String?, [Problem.FieldError]?) {
            guard let fields = try? decoder.container(keyedBy: ExternalIDKey.self),
                var submission = try? SignalSubmission(from: decoder)
            else {
                return (nil, nil, [.init(field: "signals[]", code: "invalid_type", detail: "Elk signaal is een JSON-object.")])
            }
            // `external_id` belongs to the batch, not to the signal.
            submission.decodingProblems.removeAll { $0.field == ExternalIDKey.key.stringValue && $0.code == .unknownField }
            guard (try? fields.decodeNil(forKey: .key)) ?? true else {
                guard let text = try? fields.decode(String.self, forKey: .key), (1...200).contains(text.count) else {
                    return (
                        nil, nil,
                        [
                            .init(
                                field: "external_id", code: "invalid_format", detail: "Een eigen referentie is tekst van 1 tot 200 tekens.")
                        ]
                    )
                }
                return (submission, text, nil)
            }
            return (submission, nil, nil)
        }
    }
}
