public import Foundation
public import Logging
public import SignaalBriefs
public import SignaalCore

/// Reads what briefs are made of and keeps published briefs (migration 009): every version a snapshot that never
/// changes, with the signals it counted.
public struct BriefStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// A published brief in a list.
    public struct Summary: Sendable, Equatable {
        public let id: Int64
        public let scope: String
        public let period: String
        public let version: Int
        public let generatedAt: Date
        public let signalCount: Int?
        public let regionName: String
        public let periodName: String
    }

    /// The signals of `scope` observed from `start` to `end` (neither rejected nor merged), with their themes and
    /// recurring problem.
    public func signals(scope: BriefScope, from start: CalendarDate, to end: CalendarDate, logger: Logger) async throws -> [BriefSignal] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id, s.observed_on, r.code, m.name,
                    ARRAY(
                        SELECT t.code FROM signaal.signal_theme_assignments AS st
                            JOIN signaal.themes AS t ON t.id = st.theme_id
                        WHERE st.signal_id = s.id ORDER BY st.is_submitter_choice DESC, st.rank NULLS LAST, t.code
                    ),
                    pl.code, s.description, s.suggestion, c.code, coalesce(c.title, c.label), c.emerging, cm.similarity, s.organisation,
                    ss.code = 'gevalideerd', s.target_group
                FROM signaal.signals AS s
                JOIN signaal.regions AS r ON r.id = s.region_id
                JOIN signaal.signal_statuses AS ss ON ss.id = s.status_id
                LEFT JOIN signaal.municipalities AS m ON m.id = s.municipality_id
                LEFT JOIN signaal.policy_levels AS pl ON pl.id = s.policy_level_id
                LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
                LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL
                WHERE ss.code NOT IN ('afgewezen', 'dubbel') AND s.observed_on BETWEEN \(start) AND \(end)
                    AND (\(scope.code) = \(BriefScope.flandersCode) OR r.code = \(scope.code))
                ORDER BY s.observed_on, s.id
                """
            ).map { row in
                let code = try row.decode(String?.self, at: 8)
                return BriefSignal(
                    id: try row.decode(Int64.self, at: 0), observedOn: try row.decode(CalendarDate.self, at: 1),
                    regionCode: try row.decode(String.self, at: 2), municipality: try row.decode(String?.self, at: 3),
                    organisation: try row.decode(String?.self, at: 12), themes: try row.decode([String].self, at: 4),
                    policyLevel: try row.decode(String?.self, at: 5), description: try row.decode(String.self, at: 6),
                    suggestion: try row.decode(String?.self, at: 7),
                    cluster: try code.map { code in
                        BriefSignal.ClusterReference(
                            code: code, label: try row.decode(String.self, at: 9), emerging: try row.decode(Bool.self, at: 10),
                            similarity: try row.decode(Double.self, at: 11))
                    }, validated: try row.decode(Bool.self, at: 13), targetGroup: try row.decode(String?.self, at: 14))
            }
        }
    }

    /// When the newest signal of `scope` observed from `start` to `end` (neither rejected nor merged) arrived.
    public func newestArrival(scope: BriefScope, from start: CalendarDate, to end: CalendarDate, logger: Logger) async throws -> Date? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.fetchOne(
                """
                SELECT max(s.received_at)
                FROM signaal.signals AS s
                JOIN signaal.regions AS r ON r.id = s.region_id
                JOIN signaal.signal_statuses AS ss ON ss.id = s.status_id
                WHERE ss.code NOT IN ('afgewezen', 'dubbel') AND s.observed_on BETWEEN \(start) AND \(end)
                    AND (\(scope.code) = \(BriefScope.flandersCode) OR r.code = \(scope.code))
                """
            ).decode(Date?.self, at: 0)
        }
    }

    /// When the installation's first signal arrived; `nil` before any has.
    public func firstArrival(logger: Logger) async throws -> Date? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.fetchOne("SELECT min(received_at) FROM signaal.signals").decode(Date?.self, at: 0)
        }
    }

    /// Publishes a new version of the brief of `scope` and `period`, composed by `compose` with the version number
    /// it gets; with `onlyFirst`, nothing happens when a version exists already (scheduled generation: exactly once
    /// however many daemons try, under an advisory lock per scope and period). Signals counted by the brief that
    /// carry a contact address get a feedback notice queued.
    /// - Returns: the stored brief's id, or `nil` when `onlyFirst` found one.
    public func publish(
        scope: BriefScope, period: Period, onlyFirst: Bool, publishedByCommand: Bool = false, logger: Logger,
        compose: @escaping @Sendable (Int) throws -> (brief: Brief, includedSignalIDs: [Int64])
    ) async throws -> Int64? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(hashtext(\("brief:\(scope.code):\(period)")))")
                let latest = try transaction.fetchOne(
                    "SELECT coalesce(max(version), 0) FROM signaal.briefs WHERE scope = \(scope.code) AND period = \(period.description)"
                ).decode(Int.self, at: 0)
                if onlyFirst && latest > 0 { return nil }
                let (brief, included) = try compose(latest + 1)
                let id = try Self.insert(
                    brief, including: included, scope: scope.code, period: period.description, version: latest + 1,
                    trigger: onlyFirst ? "scheduled" : "requested", publishedBy: nil, byCommand: publishedByCommand, draftID: nil,
                    on: transaction)
                return id
            }
        }
    }

    /// Stores a published version with the signals it counted, and queues a feedback notice for each of them with a
    /// contact address; its id.
    static func insert(
        _ brief: Brief, including included: [Int64], scope: String, period: String, version: Int, trigger: String, publishedBy: Int64?,
        byCommand: Bool, draftID: Int64?, on connection: Connection
    ) throws -> Int64 {
        let model = String(decoding: try JSONEncoder().encode(brief), as: UTF8.self)
        let id = try connection.fetchOne(
            """
            INSERT INTO signaal.briefs (scope, period, version, trigger, signal_count, model, published_by, published_by_command, draft_id)
            VALUES (\(scope), \(period), \(version), \(trigger), \(brief.signalCount), \(model)::jsonb, \(publishedBy), \(byCommand), \(draftID))
            RETURNING id
            """
        ).decode(Int64.self, at: 0)
        let ids = included.map { String($0) }
        try connection.execute(
            """
            INSERT INTO signaal.brief_signals (brief_id, signal_id)
            SELECT \(id), unnest(\(ids)::text[]::bigint[])
            """
        )
        try connection.execute(
            """
            INSERT INTO signaal.feedback_notices (signal_id, brief_id)
            SELECT ce.signal_id, \(id) FROM signaal.contact_emails AS ce
            WHERE ce.signal_id = ANY(\(ids)::text[]::bigint[])
            """
        )
        return id
    }

    /// Published briefs, newest first, optionally of one scope and one period.
    public func list(scope: String?, period: String?, limit: Int = 200, logger: Logger) async throws -> [Summary] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT id, scope, period, version, generated_at, signal_count, model ->> 'region_name', model ->> 'period_name'
                FROM signaal.briefs
                WHERE (\(scope)::text IS NULL OR scope = \(scope)) AND (\(period)::text IS NULL OR period = \(period))
                ORDER BY generated_at DESC, id DESC LIMIT \(limit)
                """
            ).map(Self.summary)
        }
    }

    /// One published brief and its summary, or `nil`.
    public func brief(id: Int64, logger: Logger) async throws -> (summary: Summary, brief: Brief)? {
        try await self.pool.withConnection(logger: logger) { connection in
            guard
                let row = try connection.query(
                    """
                    SELECT id, scope, period, version, generated_at, signal_count, model ->> 'region_name', model ->> 'period_name',
                        model::text
                    FROM signaal.briefs WHERE id = \(id)
                    """
                ).first
            else { return nil }
            let brief = try JSONDecoder().decode(Brief.self, from: Data(try row.decode(String.self, at: 8).utf8))
            return (try Self.summary(row), brief)
        }
    }

    /// The briefs that counted a signal, newest first.
    public func briefs(including signalID: Int64, logger: Logger) async throws -> [Summary] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT b.id, b.scope, b.period, b.version, b.generated_at, b.signal_count, b.model ->> 'region_name',
                    b.model ->> 'period_name'
                FROM signaal.brief_signals AS bs JOIN signaal.briefs AS b ON b.id = bs.brief_id
                WHERE bs.signal_id = \(signalID) ORDER BY b.generated_at DESC, b.id DESC
                """
            ).map(Self.summary)
        }
    }

    static func summary(_ row: Row) throws -> Summary {
        Summary(
            id: try row.decode(Int64.self, at: 0), scope: try row.decode(String.self, at: 1),
            period: try row.decode(String.self, at: 2), version: try row.decode(Int.self, at: 3),
            generatedAt: try row.decode(Date.self, at: 4), signalCount: try row.decode(Int?.self, at: 5),
            regionName: try row.decode(String.self, at: 6), periodName: try row.decode(String.self, at: 7))
    }
}
