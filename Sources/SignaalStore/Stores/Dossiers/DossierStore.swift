public import Foundation
public import Logging
import SignaalCore

/// Dossiers, their evidence and their life (migration 015). Who may see a dossier is decided by the caller's
/// platform: a coordinator sees their platform's dossiers and the Flemish ones; `nil` sees every dossier.
public struct DossierStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// The visibility condition on a dossier `d` joined to its region `r`.
    static func visible(_ platform: String?) -> Query {
        "(\(platform)::text IS NULL OR d.region_id IS NULL OR r.code = \(platform))"
    }

    static let columns: Query = """
        d.id, r.code, r.name, d.title, d.problem_statement, d.affected, d.cause, d.description, d.ask,
        d.is_clear, d.clear_motivation, d.is_neutral, d.neutral_motivation, d.is_recognised, d.recognised_motivation,
        d.is_shared, d.shared_motivation, d.recognising_organisations, d.owner_id, owner.name, d.policy_levels, d.addressee,
        d.krachtlijnen, d.cluster_code, d.parent_id, d.state, d.presented_at, d.created_at, d.updated_at
        """

    /// The krachtlijnen of social work a dossier may name: code and name.
    public func krachtlijnen(logger: Logger) async throws -> [(code: String, name: String)] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query("SELECT code, name FROM signaal.krachtlijnen ORDER BY id").map {
                (try $0.decode(at: 0), try $0.decode(at: 1))
            }
        }
    }

    /// The dossiers `platform` may see, most recently changed first.
    public func list(platform: String?, logger: Logger) async throws -> [DossierSummary] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT d.id, d.title, r.name, d.state,
                    (SELECT count(*) FROM signaal.dossier_signals AS ds WHERE ds.dossier_id = d.id), owner.name, d.updated_at,
                    d.parent_id
                FROM signaal.dossiers AS d LEFT JOIN signaal.regions AS r ON r.id = d.region_id
                LEFT JOIN signaal.staff_members AS owner ON owner.id = d.owner_id
                WHERE \(fragment: Self.visible(platform))
                ORDER BY d.updated_at DESC, d.id DESC
                """
            ).map { row in
                DossierSummary(
                    id: try row.decode(at: 0), title: try row.decode(at: 1), platformName: try row.decode(at: 2),
                    state: Dossier.State(rawValue: try row.decode(at: 3)) ?? .open, signals: try row.decode(at: 4),
                    ownerName: try row.decode(at: 5), updatedAt: try row.decode(at: 6), parentID: try row.decode(at: 7))
            }
        }
    }

    /// A new dossier of `platform` (`nil`: Flemish), with the signals of a recurring problem or chosen signals that
    /// `platform` may see as its evidence; its id.
    public func create(
        title: String, platform: String?, problemCode: String?, signalIDs: [Int64], by memberID: Int64, now: Date, logger: Logger
    ) async throws -> Int64 {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                let id = try transaction.fetchOne(
                    """
                    INSERT INTO signaal.dossiers (region_id, title, cluster_code, created_by, created_at, updated_at, owner_id)
                    VALUES ((SELECT id FROM signaal.regions WHERE code = \(platform)), \(title), \(problemCode), \(memberID), \(now), \(now),
                        \(memberID))
                    RETURNING id
                    """
                ).decode(Int64.self, at: 0)
                try transaction.execute(
                    """
                    INSERT INTO signaal.dossier_events (dossier_id, staff_member_id, occurred_at, state)
                    VALUES (\(id), \(memberID), \(now), 'open')
                    """
                )
                let chosen = problemCode == nil ? signalIDs : []
                try Self.add(signalsOf: problemCode, ids: chosen, to: id, platform: platform, by: memberID, now: now, on: transaction)
                return id
            }
        }
    }

    /// Adds to a dossier the signals `platform` may see, of a problem or chosen, that are neither rejected nor duplicates.
    static func add(
        signalsOf problemCode: String?, ids: [Int64], to dossierID: Int64, platform: String?, by memberID: Int64, now: Date,
        on connection: Connection
    ) throws {
        try connection.execute(
            """
            INSERT INTO signaal.dossier_signals (dossier_id, signal_id, added_by, added_at)
            SELECT \(dossierID), s.id, \(memberID), \(now)
            FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
            JOIN signaal.signal_statuses AS st ON st.id = s.status_id
            LEFT JOIN signaal.cluster_memberships AS cm ON cm.signal_id = s.id
            LEFT JOIN signaal.clusters AS c ON c.id = cm.cluster_id AND c.retired_run_id IS NULL
            WHERE st.code NOT IN ('afgewezen', 'dubbel') AND (\(platform)::text IS NULL OR r.code = \(platform))
                AND ((\(problemCode)::text IS NOT NULL AND c.code = \(problemCode))
                    OR s.id = ANY(\(ids.map(String.init))::text[]::bigint[]))
            ON CONFLICT DO NOTHING
            """
        )
    }

    /// The dossier, if `platform` may see it.
    public func dossier(_ id: Int64, platform: String?, logger: Logger) async throws -> Dossier? {
        try await self.pool.withConnection(logger: logger) { connection in
            try Self.dossier(id, platform: platform, on: connection)
        }
    }

    static func dossier(_ id: Int64, platform: String?, on connection: Connection) throws -> Dossier? {
        try connection.query(
            """
            SELECT \(fragment: Self.columns)
            FROM signaal.dossiers AS d LEFT JOIN signaal.regions AS r ON r.id = d.region_id
            LEFT JOIN signaal.staff_members AS owner ON owner.id = d.owner_id
            WHERE d.id = \(id) AND \(fragment: Self.visible(platform))
            """
        ).first.map(Self.dossier)
    }

    private static func dossier(_ row: Row) throws -> Dossier {
        var content = Dossier.Content(title: try row.decode(at: 3))
        content.problemStatement = try row.decode(at: 4)
        content.affected = try row.decode(at: 5)
        content.cause = try row.decode(at: 6)
        content.description = try row.decode(at: 7)
        content.ask = try row.decode(at: 8)
        content.criteria = try Dossier.Criterion.codes.enumerated().map { index, code in
            Dossier.Criterion(code: code, met: try row.decode(at: 9 + 2 * index), motivation: try row.decode(at: 10 + 2 * index))
        }
        content.recognisingOrganisations = try row.decode(at: 17)
        content.ownerID = try row.decode(at: 18)
        content.policyLevels = try row.decode(at: 20)
        content.addressee = try row.decode(at: 21)
        content.krachtlijnen = try row.decode(at: 22)
        return Dossier(
            id: try row.decode(at: 0), platform: try row.decode(at: 1), platformName: try row.decode(at: 2), content: content,
            ownerName: try row.decode(at: 19), problemCode: try row.decode(at: 23), parentID: try row.decode(at: 24),
            state: Dossier.State(rawValue: try row.decode(at: 25)) ?? .open, presentedAt: try row.decode(at: 26),
            createdAt: try row.decode(at: 27), updatedAt: try row.decode(at: 28))
    }

    /// Saves what a coordinator wrote, when the dossier is `platform`'s own (a coordinator edits their platform's
    /// dossiers; `nil` edits the Flemish ones); `false` otherwise. Dossiers named as `children` are gathered under
    /// a Flemish dossier.
    public func save(
        _ content: Dossier.Content, of id: Int64, platform: String?, children: [Int64], now: Date, logger: Logger
    ) async throws -> Bool {
        let criteria = Dictionary(content.criteria.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let met = { @Sendable (code: String) in criteria[code]?.met ?? false }
        let motivation = { @Sendable (code: String) in criteria[code]?.motivation ?? "" }
        return try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                let changed = try transaction.execute(
                    """
                    UPDATE signaal.dossiers AS d SET title = \(content.title), problem_statement = \(content.problemStatement),
                        affected = \(content.affected), cause = \(content.cause), description = \(content.description), ask = \(content.ask),
                        is_clear = \(met("duidelijk")), clear_motivation = \(motivation("duidelijk")),
                        is_neutral = \(met("neutraal")), neutral_motivation = \(motivation("neutraal")),
                        is_recognised = \(met("herkend")), recognised_motivation = \(motivation("herkend")),
                        is_shared = \(met("gedeeld")), shared_motivation = \(motivation("gedeeld")),
                        recognising_organisations = \(content.recognisingOrganisations),
                        owner_id = (SELECT id FROM signaal.staff_members WHERE id = \(content.ownerID) AND disabled_at IS NULL),
                        policy_levels = \(content.policyLevels)::text[], addressee = \(content.addressee),
                        krachtlijnen = \(content.krachtlijnen)::text[], updated_at = \(now)
                    WHERE d.id = \(id)
                        AND d.region_id IS NOT DISTINCT FROM (SELECT id FROM signaal.regions WHERE code = \(platform))
                    """
                )
                guard changed == 1 else { return false }
                if platform == nil {
                    try transaction.execute(
                        """
                        UPDATE signaal.dossiers SET parent_id = CASE WHEN id = ANY(\(children.map(String.init))::text[]::bigint[])
                            THEN \(id)::bigint END
                        WHERE (parent_id = \(id) OR id = ANY(\(children.map(String.init))::text[]::bigint[])) AND region_id IS NOT NULL
                        """
                    )
                }
                return true
            }
        }
    }
}
