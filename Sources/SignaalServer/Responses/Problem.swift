import Foundation
import Hummingbird
import SignaalApp
import SignaalCore

/// An RFC 9457 problem document (`application/problem+json`), the shape of every error on the JSON API.
struct Problem: HTTPResponseError, Encodable {
    /// One field that is wrong, with its code and a Dutch sentence.
    struct FieldError: Encodable, Equatable {
        let field: String
        let code: String
        let detail: String
    }

    /// A URI reference naming the kind of problem; each resolves to a page explaining it (`/problems/<slug>`).
    let type: String
    let title: String
    let statusCode: Int
    let detail: String?
    /// The request id, as in the logs.
    var instance: String?
    let errors: [FieldError]?
    var extraHeaders: HTTPFields = [:]

    var status: HTTPResponse.Status { .init(code: self.statusCode) }

    init(_ kind: ProblemKind, detail: String? = nil, errors: [FieldError]? = nil) {
        self.type = "/problems/\(kind.slug)"
        self.title = kind.title
        self.statusCode = kind.status.code
        self.detail = detail
        self.errors = errors
    }

    /// A 422 listing every field problem of a failed validation.
    init(_ failure: ValidationFailure) {
        self.init(
            .validation,
            detail:
                "Het signaal werd niet opgeslagen: \(failure.problems.count == 1 ? "één veld is" : "\(failure.problems.count) velden zijn") niet in orde.",
            errors: failure.problems.map { FieldError(field: $0.field, code: $0.code.rawValue, detail: FieldMessages.message(for: $0)) }
        )
    }

    enum CodingKeys: String, CodingKey {
        case type, title, detail, instance, errors
        case statusCode = "status"
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        headers.append(contentsOf: self.extraHeaders)
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(self))))
    }
}
