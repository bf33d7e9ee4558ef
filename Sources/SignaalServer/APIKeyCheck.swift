import Foundation
import HTTPTypes
import Hummingbird
import SignaalStore

/// Finds the API key of a request (`Authorization: Bearer sgn_…` or `X-API-Key: sgn_…`) for the endpoints of
/// regional platforms and partners.
struct APIKeyCheck: Sendable {
    let store: APIKeyStore

    /// The key presented, if valid; `nil` when none was presented.
    /// - Throws: a 401 problem when a key was presented but is unknown or revoked, or when `Authorization` and
    ///   `X-API-Key` name different keys.
    func optionalKey(_ request: Request, context: AppRequestContext) async throws -> APIKey? {
        guard let presented = try Self.presented(request) else { return nil }
        guard let key = try await self.store.authenticate(presented, logger: context.logger) else { throw Self.unauthorized }
        return key
    }

    /// The valid key of the request.
    /// - Throws: a 401 problem when none was presented, or it is unknown or revoked.
    func requiredKey(_ request: Request, context: AppRequestContext) async throws -> APIKey {
        guard let key = try await self.optionalKey(request, context: context) else { throw Self.unauthorized }
        return key
    }

    static var unauthorized: Problem {
        var problem = Problem(.unauthorized)
        problem.extraHeaders[.wwwAuthenticate] = #"Bearer realm="signaal""#
        return problem
    }

    /// The key of the request's headers; both headers may be sent, provided they name the same key.
    private static func presented(_ request: Request) throws -> String? {
        var bearer: String?
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            bearer = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        let header = request.headers[.apiKey]?.trimmingCharacters(in: .whitespaces)
        if let bearer, let header, bearer != header { throw Self.unauthorized }
        return bearer ?? header
    }
}

extension HTTPField.Name {
    /// The alternative header for an API key.
    static let apiKey = Self("X-API-Key")!
}
