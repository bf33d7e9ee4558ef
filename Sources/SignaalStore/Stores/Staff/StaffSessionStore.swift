public import Foundation
public import Logging

/// Signed-in sessions and failed sign-ins, in PostgreSQL so that every daemon shares them and a restart keeps them
/// (migration 014). Only the SHA-256 of a session id is stored; times come from the caller's clock.
public struct StaffSessionStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// How long a session lasts without a request, and at most.
    public struct Lifetime: Sendable {
        public var idle: TimeInterval = 8 * 3600
        public var absolute: TimeInterval = 7 * 86_400

        public init() {}
    }

    /// A new session for the member: its id, for the cookie, shown nowhere else.
    public func start(for memberID: Int64, now: Date, logger: Logger) async throws -> String {
        let id = Secret.random(length: 40)
        try await self.pool.withConnection(logger: logger) { connection in
            _ = try connection.execute(
                """
                INSERT INTO signaal.staff_sessions (session_hash, staff_member_id, created_at, last_seen_at)
                VALUES (decode(\(Secret.hash(id)), 'hex'), \(memberID), \(now), \(now))
                """
            )
        }
        return id
    }

    /// The active member of a session that has not expired, or `nil`; notes the request (at most once a minute).
    public func member(ofSession id: String, now: Date, lifetime: Lifetime, logger: Logger) async throws -> StaffMember? {
        guard id.count == 40, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) else { return nil }
        return try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                WITH found AS (
                    SELECT s.session_hash, s.staff_member_id FROM signaal.staff_sessions AS s
                    WHERE s.session_hash = decode(\(Secret.hash(id)), 'hex')
                        AND s.last_seen_at > \(now.addingTimeInterval(-lifetime.idle))
                        AND s.created_at > \(now.addingTimeInterval(-lifetime.absolute))
                ), touched AS (
                    UPDATE signaal.staff_sessions AS s SET last_seen_at = \(now)
                    FROM found WHERE s.session_hash = found.session_hash AND s.last_seen_at < \(now.addingTimeInterval(-60))
                )
                SELECT \(fragment: StaffStore.columns)
                FROM found JOIN signaal.staff_members AS m ON m.id = found.staff_member_id
                LEFT JOIN signaal.regions AS r ON r.id = m.region_id
                WHERE m.disabled_at IS NULL
                """
            ).first.map(StaffStore.member)
        }
    }

    /// Ends a session (signing out), and removes expired sessions while at it.
    public func end(_ id: String, now: Date, lifetime: Lifetime, logger: Logger) async throws {
        try await self.pool.withConnection(logger: logger) { connection in
            _ = try connection.execute(
                """
                DELETE FROM signaal.staff_sessions
                WHERE session_hash = decode(\(Secret.hash(id)), 'hex')
                    OR last_seen_at < \(now.addingTimeInterval(-lifetime.idle))
                    OR created_at < \(now.addingTimeInterval(-lifetime.absolute))
                """
            )
        }
    }

    /// The most failed sign-ins of any of `subjects` (an account's e-mail address, a client's address block)
    /// since `since`.
    public func failures(of subjects: [String], since: Date, logger: Logger) async throws -> Int {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.fetchOne(
                """
                SELECT coalesce(max(n), 0)::bigint FROM (
                    SELECT count(*) AS n FROM signaal.sign_in_failures
                    WHERE subject = ANY(ARRAY(SELECT decode(h, 'hex') FROM unnest(\(subjects.map(Secret.hash))::text[]) AS h))
                        AND failed_at > \(since)
                    GROUP BY subject
                ) AS counts
                """
            ).decode(Int.self, at: 0)
        }
    }

    /// Notes a failed sign-in for each subject, and forgets failures older than a day.
    public func recordFailure(of subjects: [String], now: Date, logger: Logger) async throws {
        try await self.pool.withConnection(logger: logger) { connection in
            _ = try connection.execute(
                """
                WITH forgotten AS (DELETE FROM signaal.sign_in_failures WHERE failed_at < \(now.addingTimeInterval(-86_400)))
                INSERT INTO signaal.sign_in_failures (subject, failed_at)
                SELECT decode(h, 'hex'), \(now) FROM unnest(\(subjects.map(Secret.hash))::text[]) AS h
                """
            )
        }
    }

    /// Forgets the failures of a subject (an account that signed in).
    public func clearFailures(of subject: String, logger: Logger) async throws {
        try await self.pool.withConnection(logger: logger) { connection in
            _ = try connection.execute(
                "DELETE FROM signaal.sign_in_failures WHERE subject = decode(\(Secret.hash(subject)), 'hex')")
        }
    }
}
