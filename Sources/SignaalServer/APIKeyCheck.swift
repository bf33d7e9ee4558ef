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
        let presented: String?
        do {
            presented = try Self.presented(request)
        } catch {
            SecurityEvent.keyRefused(request: request, context: context)
            throw error
        }
        guard let presented else { return nil }
        guard let key = try await self.store.authenticate(presented, logger: context.logger) else {
            SecurityEvent.keyRefused(request: request, context: context)
            throw Self.unauthorized
        }
        return key
    }

    /// Whether the request carries a key (valid or not): such requests count against the client's rate limit.
    static func carriesKey(_ request: Request) -> Bool {
        request.headers[.authorization] != nil || request.headers[.apiKey] != nil
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

    /// Whether the key came as a browser's Basic credentials (the password), which a browser repeats by itself: a
    /// form posted with them needs its CSRF token.
    static func isBrowserCredential(_ request: Request) -> Bool {
        request.headers[.authorization]?.lowercased().hasPrefix("basic ") == true
    }

    /// The key of the request's headers (`Bearer`, a browser's Basic password, or `X-API-Key`); both headers may be
    /// sent, provided they name the same key.
    private static func presented(_ request: Request) throws -> String? {
        var bearer: String?
        if let authorization = request.headers[.authorization] {
            let lowered = authorization.lowercased()
            if lowered.hasPrefix("bearer ") {
                bearer = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            } else if lowered.hasPrefix("basic "),
                let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let credentials = String(data: decoded, encoding: .utf8), let colon = credentials.firstIndex(of: ":")
            {
                bearer = String(credentials[credentials.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
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
