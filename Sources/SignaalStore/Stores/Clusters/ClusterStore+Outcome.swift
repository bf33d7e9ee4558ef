import Foundation
public import Logging
public import SignaalCluster

extension ClusterStore {
    /// An active recurring problem as the transaction writing a run finds it: its code and member signal ids.
    public struct ActiveCluster: Sendable {
        public let code: String
        public let members: Set<String>
    }

    /// Writes a run's outcome in one transaction: `continuing` decides, from the active clusters as the transaction
    /// finds them, which old cluster each new one continues (it keeps that code and label; `nil`: a new cluster with
    /// the next code); unmatched old clusters are retired; memberships and theme classifications of the run's
    /// signals are replaced; the run is marked finished.
    /// - Returns: the cluster codes in the order of `outcome.problems`.
    @discardableResult
    public func finish(
        _ run: ClaimedRun,
        outcome: ProblemAnalysis.Outcome,
        parameters: RecurringProblemClusterer.Parameters,
        continuing: @escaping @Sendable ([ActiveCluster]) -> [String?],
        logger: Logger
    ) async throws -> [String] {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock(\(Self.membershipLock))")
                let old = try transaction.query(
                    """
                    SELECT c.id, c.code, coalesce(array_agg(cm.signal_id::text) FILTER (WHERE cm.signal_id IS NOT NULL), '{}')
                    FROM signaal.clusters AS c LEFT JOIN signaal.cluster_memberships AS cm ON cm.cluster_id = c.id
                    WHERE c.retired_run_id IS NULL GROUP BY c.id, c.code ORDER BY c.id
                    """
                ).map {
                    (
                        id: try $0.decode(Int64.self, at: 0), code: try $0.decode(String.self, at: 1),
                        members: Set(try $0.decode([String].self, at: 2))
                    )
                }
                let matches = continuing(old.map { ActiveCluster(code: $0.code, members: $0.members) })
                var ids: [Int64] = []
                var codes: [String] = []
                for (problem, match) in zip(outcome.problems, matches) {
                    let (id, code) = try Self.save(
                        problem, continuing: match.flatMap { code in old.first { $0.code == code }?.id },
                        centroid: outcome.centroids[codes.count], run: run, on: transaction)
                    ids.append(id)
                    codes.append(code)
                }
                let retired = old.filter { !matches.contains($0.code) }.map { String($0.id) }
                try transaction.execute(
                    """
                    UPDATE signaal.clusters SET retired_run_id = \(run.id), updated_at = now()
                    WHERE id = ANY(\(retired)::text[]::bigint[])
                    """
                )
                try Self.replaceMemberships(outcome, clusterIDs: ids, retired: retired, run: run, on: transaction)
                for signal in outcome.signals {
                    try SignalClassificationTable.save(signalID: signal.id, signal.classification, on: transaction)
                }
                let vectorizer = String(decoding: try JSONEncoder().encode(outcome.vectorizer), as: UTF8.self)
                let settings =
                    "{\"threshold\": \(parameters.threshold), \"concept_weight\": \(parameters.conceptWeight), "
                    + "\"minimum_cluster_size\": \(parameters.minimumClusterSize)}"
                try transaction.execute(
                    """
                    UPDATE signaal.cluster_runs SET status = 'finished', finished_at = now(),
                        signal_count = \(outcome.signals.count), cluster_count = \(outcome.problems.count),
                        unclustered_count = \(outcome.signals.filter { $0.clusterID == nil }.count),
                        parameters = \(settings)::jsonb, vectorizer = \(vectorizer)::jsonb
                    WHERE id = \(run.id)
                    """
                )
                return codes
            }
        }
    }

    /// Inserts or updates one cluster; a continued cluster keeps its code and its label.
    private static func save(
        _ problem: RecurringProblem, continuing existing: Int64?, centroid: SparseVector, run: ClaimedRun, on connection: Connection
    ) throws -> (Int64, String) {
        let themes = problem.themes.map(\.code)
        let representatives = problem.representatives.map { $0 }
        let terms = centroid.indices.map { String($0) }
        let weights = centroid.values.map { String($0) }
        let row = try connection.fetchOne(
            """
            WITH updated AS (
                UPDATE signaal.clusters SET
                    size = \(problem.size), themes = \(themes), regions = \(problem.regions),
                    organisation_count = \(problem.organisationCount), first_seen = \(problem.firstSeen),
                    last_seen = \(problem.lastSeen), emerging = \(problem.emerging),
                    recent_signals = \(problem.emergence.recentSignals),
                    expected_recent_signals = \(problem.emergence.expectedRecentSignals),
                    emerging_p_value = \(problem.emergence.pValue),
                    representative_signal_ids = \(representatives)::text[]::bigint[],
                    centroid_terms = \(terms)::text[]::integer[], centroid_weights = \(weights)::text[]::real[],
                    admission_similarity = \(Double(problem.admissionSimilarity)), updated_run_id = \(run.id), updated_at = now()
                WHERE id = \(existing)
                RETURNING id, code
            ), inserted AS (
                INSERT INTO signaal.clusters (
                    code, label, size, themes, regions, organisation_count, first_seen, last_seen, emerging,
                    recent_signals, expected_recent_signals, emerging_p_value, representative_signal_ids,
                    centroid_terms, centroid_weights, admission_similarity, created_run_id, updated_run_id
                )
                SELECT 'P' || lpad(nextval('signaal.cluster_code_seq')::text, 4, '0'), \(String(problem.label.prefix(200))),
                    \(problem.size), \(themes), \(problem.regions), \(problem.organisationCount), \(problem.firstSeen),
                    \(problem.lastSeen), \(problem.emerging), \(problem.emergence.recentSignals),
                    \(problem.emergence.expectedRecentSignals), \(problem.emergence.pValue),
                    \(representatives)::text[]::bigint[], \(terms)::text[]::integer[], \(weights)::text[]::real[],
                    \(Double(problem.admissionSimilarity)), \(run.id), \(run.id)
                WHERE \(existing)::bigint IS NULL
                RETURNING id, code
            )
            SELECT id, code FROM updated UNION ALL SELECT id, code FROM inserted
            """
        )
        return (try row.decode(Int64.self, at: 0), try row.decode(String.self, at: 1))
    }

    private static func replaceMemberships(
        _ outcome: ProblemAnalysis.Outcome, clusterIDs: [Int64], retired: [String], run: ClaimedRun, on connection: Connection
    ) throws {
        let signalIDs = outcome.signals.map(\.id)
        try connection.execute(
            """
            DELETE FROM signaal.cluster_memberships
            WHERE signal_id = ANY(\(signalIDs)::text[]::bigint[]) OR cluster_id = ANY(\(retired)::text[]::bigint[])
            """
        )
        var members: [String] = []
        var clusters: [String] = []
        var similarities: [String] = []
        for (problem, id) in zip(outcome.problems, clusterIDs) {
            members += problem.members
            clusters += Array(repeating: String(id), count: problem.size)
            similarities += problem.similarities.map { String($0) }
        }
        try connection.execute(
            """
            INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method, run_id)
            SELECT signal_id, cluster_id, similarity, 'recluster', \(run.id)
            FROM unnest(\(members)::text[]::bigint[], \(clusters)::text[]::bigint[], \(similarities)::text[]::real[])
                AS m (signal_id, cluster_id, similarity)
            """
        )
    }
}
