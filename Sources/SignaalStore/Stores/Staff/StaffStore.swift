public import Foundation
public import Logging

/// Staff accounts and their one-time password links (migration 014). Links are random secrets of which only the
/// SHA-256 is stored; passwords arrive already hashed with bcrypt by the caller.
public struct StaffStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// How long a password link works.
    public static let linkValidity: TimeInterval = 72 * 3600

    static let columns: Query = """
        m.id, m.email, m.name, m.role, r.code, m.created_at, m.disabled_at, m.password_hash IS NOT NULL
        """

    /// A new account and the secret of its password link (to be shown once).
    /// - Throws: ``StaffError``.
    public func create(
        email: String, name: String, role: StaffMember.Role, platform: String?, now: Date, logger: Logger
    ) async throws -> (member: StaffMember, link: String) {
        guard (role == .coordinator) == (platform != nil) else {
            throw role == .coordinator ? StaffError.platformRequired : StaffError.platformNotAllowed
        }
        let secret = Secret.random(length: 32)
        let member = try await self.pool.withConnection(logger: logger) { connection -> StaffMember? in
            try connection.withTransaction { transaction in
                if try transaction.fetchOne(
                    "SELECT EXISTS (SELECT 1 FROM signaal.staff_members WHERE lower(email) = lower(\(email)))"
                ).decode(Bool.self, at: 0) {
                    throw StaffError.emailTaken(email)
                }
                let member = try transaction.query(
                    """
                    WITH created AS (
                        INSERT INTO signaal.staff_members (email, name, role, region_id, created_at)
                        SELECT \(email), \(name), \(role.rawValue), r.id, \(now)
                        FROM (SELECT NULL::text AS code) AS wanted LEFT JOIN signaal.regions AS r ON r.code = \(platform)
                        WHERE \(platform)::text IS NULL OR r.id IS NOT NULL
                        RETURNING *
                    )
                    SELECT \(fragment: Self.columns) FROM created AS m LEFT JOIN signaal.regions AS r ON r.id = m.region_id
                    """
                ).first.map(Self.member)
                if let member { try Self.insertLink(secret, for: member.id, now: now, on: transaction) }
                return member
            }
        }
        guard let member else { throw StaffError.unknownPlatform(platform ?? "") }
        return (member, secret)
    }

    /// A fresh password link for an active account (the old ones keep working until they expire or one is used).
    public func newLink(for id: Int64, now: Date, logger: Logger) async throws -> String? {
        let secret = Secret.random(length: 32)
        let made = try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                guard
                    try transaction.fetchOne(
                        "SELECT EXISTS (SELECT 1 FROM signaal.staff_members WHERE id = \(id) AND disabled_at IS NULL)"
                    ).decode(Bool.self, at: 0)
                else { return false }
                try Self.insertLink(secret, for: id, now: now, on: transaction)
                return true
            }
        }
        return made ? secret : nil
    }

    private static func insertLink(_ secret: String, for id: Int64, now: Date, on connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO signaal.staff_password_tokens (token_hash, staff_member_id, created_at, expires_at)
            VALUES (decode(\(Secret.hash(secret)), 'hex'), \(id), \(now), \(now.addingTimeInterval(Self.linkValidity)))
            """
        )
    }

    /// The active account a link that still works belongs to, or `nil`.
    public func member(forLink secret: String, now: Date, logger: Logger) async throws -> StaffMember? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT \(fragment: Self.columns)
                FROM signaal.staff_password_tokens AS t
                JOIN signaal.staff_members AS m ON m.id = t.staff_member_id
                LEFT JOIN signaal.regions AS r ON r.id = m.region_id
                WHERE t.token_hash = decode(\(Secret.hash(secret)), 'hex') AND t.used_at IS NULL AND t.expires_at > \(now)
                    AND m.disabled_at IS NULL
                """
            ).first.map(Self.member)
        }
    }

    /// Sets the password of the link's account and uses the link up; every session of the account ends. `false`
    /// when the link no longer works.
    public func setPassword(hash: String, link secret: String, now: Date, logger: Logger) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                WITH used AS (
                    UPDATE signaal.staff_password_tokens AS t SET used_at = \(now)
                    FROM signaal.staff_members AS m
                    WHERE t.token_hash = decode(\(Secret.hash(secret)), 'hex') AND t.used_at IS NULL AND t.expires_at > \(now)
                        AND m.id = t.staff_member_id AND m.disabled_at IS NULL
                    RETURNING t.staff_member_id
                ), changed AS (
                    UPDATE signaal.staff_members AS m SET password_hash = \(hash) FROM used WHERE m.id = used.staff_member_id
                    RETURNING m.id
                ), ended AS (
                    DELETE FROM signaal.staff_sessions AS s USING changed WHERE s.staff_member_id = changed.id
                )
                SELECT id FROM changed
                """
            ).count == 1
        }
    }

    /// The active account with this e-mail address and its password hash, or `nil`.
    public func credentials(email: String, logger: Logger) async throws -> (member: StaffMember, passwordHash: String)? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT \(fragment: Self.columns), m.password_hash
                FROM signaal.staff_members AS m LEFT JOIN signaal.regions AS r ON r.id = m.region_id
                WHERE lower(m.email) = lower(\(email)) AND m.disabled_at IS NULL AND m.password_hash IS NOT NULL
                """
            ).first.map { row in (try Self.member(row), try row.decode(String.self, at: 8)) }
        }
    }

    /// Every account, in order of creation.
    public func list(logger: Logger) async throws -> [StaffMember] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT \(fragment: Self.columns)
                FROM signaal.staff_members AS m LEFT JOIN signaal.regions AS r ON r.id = m.region_id ORDER BY m.id
                """
            ).map(Self.member)
        }
    }

    /// Disables an account and ends its sessions at once; `false` when there is no such active account.
    public func disable(id: Int64, now: Date, logger: Logger) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                WITH disabled AS (
                    UPDATE signaal.staff_members SET disabled_at = \(now) WHERE id = \(id) AND disabled_at IS NULL RETURNING id
                ), ended AS (
                    DELETE FROM signaal.staff_sessions AS s USING disabled WHERE s.staff_member_id = disabled.id
                )
                SELECT id FROM disabled
                """
            ).count == 1
        }
    }

    static func member(_ row: Row) throws -> StaffMember {
        StaffMember(
            id: try row.decode(Int64.self, at: 0), email: try row.decode(String.self, at: 1), name: try row.decode(String.self, at: 2),
            role: StaffMember.Role(rawValue: try row.decode(String.self, at: 3)) ?? .policy, platform: try row.decode(String?.self, at: 4),
            createdAt: try row.decode(Date.self, at: 5), disabledAt: try row.decode(Date?.self, at: 6),
            hasPassword: try row.decode(Bool.self, at: 7))
    }
}

/// An account that cannot be made.
public enum StaffError: Error, CustomStringConvertible, Equatable {
    case unknownPlatform(String)
    case platformRequired
    case platformNotAllowed
    case emailTaken(String)

    public var description: String {
        switch self {
        case .unknownPlatform(let code):
            "'\(code)' is no regional platform (antwerpen, brussel, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen)"
        case .platformRequired: "a coordinator belongs to one regional platform: give --platform"
        case .platformNotAllowed: "only a coordinator belongs to a platform: leave --platform out for policy and admin"
        case .emailTaken(let email): "an account with \(email) exists already"
        }
    }
}
