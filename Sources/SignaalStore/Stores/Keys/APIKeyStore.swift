public import Foundation
public import Logging

/// A key of a regional platform or partner organisation, as far as Signaal knows it (never the key itself).
public struct APIKey: Sendable, Equatable {
    public let id: Int64
    /// The regional platform its signals are attributed to.
    public let platform: String
    public let organisation: String
    /// `sgn_` and the key's first 8 characters.
    public let prefix: String
    /// What it may read: its own platform's signals, or every platform's.
    public let scope: Scope
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?
}

extension APIKey {
    /// What a key may read (migration 013).
    public enum Scope: String, Sendable, CaseIterable {
        /// The signals of its own platform: a partner's or a regional platform's key.
        case platform
        /// Every platform's signals: the Flemish platform's own tooling.
        case all
    }

    /// Whether the key may read the signals of `platform`.
    public func mayRead(platform code: String) -> Bool {
        self.scope == .all || code == self.platform
    }
}

/// Creates, lists, revokes and checks API keys (migrations 010, 013). Keys are `sgn_` and 40 random base-32
/// characters; only their SHA-256 is stored, computed here: the key never reaches the database.
public struct APIKeyStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// A new key for `organisation` of `platform`: the key, to be shown once, and its record.
    /// - Throws: ``APIKeyError/unknownPlatform(_:)``.
    public func create(
        platform: String, organisation: String, scope: APIKey.Scope = .platform, logger: Logger
    ) async throws -> (key: String, record: APIKey) {
        let key = "sgn_" + Secret.random(length: 40)
        let record = try await self.pool.withConnection(logger: logger) { connection -> APIKey? in
            try connection.query(
                """
                INSERT INTO signaal.api_keys (region_id, organisation, key_prefix, key_hash, scope)
                SELECT r.id, \(organisation), \(String(key.prefix(12))), decode(\(Secret.hash(key)), 'hex'), \(scope.rawValue)
                FROM signaal.regions AS r WHERE r.code = \(platform)
                RETURNING id, \(platform), organisation, key_prefix, created_at, last_used_at, revoked_at, scope
                """
            ).first.map(Self.key)
        }
        guard let record else { throw APIKeyError.unknownPlatform(platform) }
        return (key, record)
    }

    /// Every key, newest first.
    public func list(logger: Logger) async throws -> [APIKey] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT k.id, r.code, k.organisation, k.key_prefix, k.created_at, k.last_used_at, k.revoked_at, k.scope
                FROM signaal.api_keys AS k JOIN signaal.regions AS r ON r.id = k.region_id ORDER BY k.id DESC
                """
            ).map(Self.key)
        }
    }

    /// Revokes a key; `false` when there is no such key or it was revoked already.
    public func revoke(id: Int64, logger: Logger) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.execute(
                "UPDATE signaal.api_keys SET revoked_at = now() WHERE id = \(id) AND revoked_at IS NULL"
            ) == 1
        }
    }

    /// The valid (not revoked) key `presented` is, or `nil`; notes its use at most once a minute.
    public func authenticate(_ presented: String, logger: Logger) async throws -> APIKey? {
        guard presented.hasPrefix("sgn_"), presented.count == 44 else { return nil }
        return try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                WITH found AS (
                    SELECT k.id FROM signaal.api_keys AS k
                    WHERE k.key_hash = decode(\(Secret.hash(presented)), 'hex') AND k.revoked_at IS NULL
                ), touched AS (
                    UPDATE signaal.api_keys AS k SET last_used_at = now()
                    FROM found WHERE k.id = found.id AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute')
                )
                SELECT k.id, r.code, k.organisation, k.key_prefix, k.created_at, k.last_used_at, k.revoked_at, k.scope
                FROM signaal.api_keys AS k JOIN found ON found.id = k.id JOIN signaal.regions AS r ON r.id = k.region_id
                """
            ).first.map(Self.key)
        }
    }

    private static func key(_ row: Row) throws -> APIKey {
        APIKey(
            id: try row.decode(Int64.self, at: 0), platform: try row.decode(String.self, at: 1),
            organisation: try row.decode(String.self, at: 2), prefix: try row.decode(String.self, at: 3),
            scope: APIKey.Scope(rawValue: try row.decode(String.self, at: 7)) ?? .platform,
            createdAt: try row.decode(Date.self, at: 4), lastUsedAt: try row.decode(Date?.self, at: 5),
            revokedAt: try row.decode(Date?.self, at: 6))
    }
}

/// A key that cannot be made.
public enum APIKeyError: Error, CustomStringConvertible, Equatable {
    case unknownPlatform(String)

    public var description: String {
        switch self {
        case .unknownPlatform(let code):
            "'\(code)' is no regional platform (antwerpen, brussel, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen)"
        }
    }
}
