public import Foundation
public import Logging
public import SignaalCluster
public import SignaalCore

/// Stores reclustering runs, recurring problems, memberships and theme classifications (migration 007).
///
/// Runs are also the job queue: a run is requested (a row in `queued`), and exactly one daemon claims it with
/// `FOR UPDATE SKIP LOCKED`. Writing a run's outcome holds an exclusive advisory lock that assignments on arrival
/// take shared, so a signal assigned while a run is written is never lost.
public struct ClusterStore: Sendable {
    let pool: ConnectionPool
    /// The advisory lock key guarding cluster memberships.
    static let membershipLock: Int64 = 0x5349_474E_434C_5354
    /// Takes the membership lock shared for the rest of the transaction: what joining a cluster on arrival does
    /// first, so that its statements see a reclustering either whole or not at all.
    static let sharedMembershipLock = "SELECT pg_advisory_xact_lock_shared(\(membershipLock))"

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// Why a run happens.
    public enum Trigger: String, Sendable {
        case nightly
        case requested
    }

    /// A run this daemon claimed and must finish or fail.
    public struct ClaimedRun: Sendable, Equatable {
        public let id: Int64
        public let asOf: CalendarDate
        public let trigger: Trigger
    }

    /// Queues a run. At most one nightly run exists per `asOf` date, however many daemons ask: `nil` when it did.
    @discardableResult
    public func request(_ trigger: Trigger, asOf: CalendarDate, logger: Logger) async throws -> Int64? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                INSERT INTO signaal.cluster_runs (trigger, as_of) VALUES (\(trigger.rawValue), \(asOf))
                ON CONFLICT (as_of) WHERE trigger = 'nightly' DO NOTHING
                RETURNING id
                """
            ).first.map { try $0.decode(Int64.self, at: 0) }
        }
    }

    /// Claims the oldest queued run, or `nil` when there is none (or every queued one is claimed by another daemon).
    public func claimRun(logger: Logger) async throws -> ClaimedRun? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                UPDATE signaal.cluster_runs SET status = 'running', started_at = now()
                WHERE id = (
                    SELECT id FROM signaal.cluster_runs WHERE status = 'queued'
                    ORDER BY requested_at, id FOR UPDATE SKIP LOCKED LIMIT 1
                )
                RETURNING id, as_of, trigger
                """
            ).first.map { row in
                ClaimedRun(
                    id: try row.decode(Int64.self, at: 0), asOf: try row.decode(CalendarDate.self, at: 1),
                    trigger: Trigger(rawValue: try row.decode(String.self, at: 2)) ?? .requested)
            }
        }
    }

    /// The signals a run clusters: observed up to `asOf`, neither rejected nor duplicates, with the themes people chose (submitter or coordinator).
    public func records(asOf: CalendarDate, logger: Logger) async throws -> [SignalRecord] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT s.id::text, s.description, s.postcode, s.observed_on,
                    ARRAY(
                        SELECT t.code FROM signaal.signal_theme_assignments AS st JOIN signaal.themes AS t ON t.id = st.theme_id
                        WHERE st.signal_id = s.id AND st.theme_source <> 'classifier' ORDER BY st.rank NULLS LAST, t.code
                    )
                FROM signaal.signals AS s
                JOIN signaal.signal_statuses AS ss ON ss.id = s.status_id
                WHERE ss.code NOT IN ('afgewezen', 'dubbel') AND s.observed_on <= \(asOf)
                ORDER BY s.id
                """
            ).map { row in
                SignalRecord(
                    id: try row.decode(String.self, at: 0), text: try row.decode(String.self, at: 1),
                    postcode: Postcode(try row.decode(String.self, at: 2)), observedOn: try row.decode(CalendarDate.self, at: 3),
                    submittedThemes: try row.decode([String].self, at: 4))
            }
        }
    }

    /// A finished run: its id, the date it clustered up to, and when it started (signals arriving later are not in
    /// it, unless they joined a problem on arrival).
    public struct FinishedRun: Sendable, Equatable {
        public let id: Int64
        public let asOf: CalendarDate
        public let startedAt: Date
    }

    /// The latest finished run, or `nil` before the first.
    public func latestFinishedRun(logger: Logger) async throws -> FinishedRun? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query(
                """
                SELECT id, as_of, started_at FROM signaal.cluster_runs WHERE status = 'finished' ORDER BY id DESC LIMIT 1
                """
            ).first.map { row in
                FinishedRun(
                    id: try row.decode(Int64.self, at: 0), asOf: try row.decode(CalendarDate.self, at: 1),
                    startedAt: try row.decode(Date.self, at: 2))
            }
        }
    }

    /// Marks a claimed run failed with the reason.
    public func fail(_ run: ClaimedRun, reason: String, logger: Logger) async throws {
        try await self.pool.withConnection(logger: logger) { connection in
            _ = try connection.execute(
                """
                UPDATE signaal.cluster_runs SET status = 'failed', finished_at = now(), error = \(String(reason.prefix(2000)))
                WHERE id = \(run.id)
                """
            )
        }
    }

    /// What assigning on arrival needs from the latest finished run: its vocabulary and the active clusters' centres.
    public func assigner(conceptWeight: Float, logger: Logger) async throws -> ClusterAssigner? {
        try await self.pool.withConnection(logger: logger) { connection in
            guard
                let run = try connection.query(
                    """
                    SELECT id, vectorizer::text FROM signaal.cluster_runs
                    WHERE status = 'finished' AND vectorizer IS NOT NULL ORDER BY id DESC LIMIT 1
                    """
                ).first
            else { return nil }
            let vectorizer = try JSONDecoder().decode(TermVectorizer.self, from: Data(try run.decode(String.self, at: 1).utf8))
            let clusters = try connection.query(
                """
                SELECT id, centroid_terms::text[], centroid_weights::text[], admission_similarity
                FROM signaal.clusters WHERE retired_run_id IS NULL AND updated_run_id = \(try run.decode(Int64.self, at: 0))
                """
            ).map { row in
                ClusterAssigner.Cluster(
                    id: try row.decode(Int64.self, at: 0),
                    centroid: SparseVector(
                        indices: try row.decode([String].self, at: 1).compactMap { Int32($0) },
                        values: try row.decode([String].self, at: 2).compactMap { Float($0) }),
                    admissionSimilarity: Float(try row.decode(Double.self, at: 3)))
            }
            return ClusterAssigner(
                runID: try run.decode(Int64.self, at: 0), vectorizer: vectorizer, clusters: clusters, conceptWeight: conceptWeight)
        }
    }
}
