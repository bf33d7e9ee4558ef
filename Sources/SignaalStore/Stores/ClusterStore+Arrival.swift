public import Logging
public import SignaalCluster

extension ClusterStore {
    /// Records what happened to a new signal on arrival: its themes, and the recurring problem it joined, if any
    /// (the cluster's size and last sighting follow). Takes the membership lock shared, so a run being written
    /// waits for it or comes after it.
    public func recordArrival(
        signalID: Int64,
        classification: ThemeClassification,
        assignment: (clusterID: Int64, similarity: Float)?,
        logger: Logger
    ) async throws {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                try transaction.execute("SELECT pg_advisory_xact_lock_shared(\(Self.membershipLock))")
                try Self.saveClassification(signalID: String(signalID), classification, on: transaction)
                guard let assignment else { return }
                try transaction.execute(
                    """
                    WITH joined AS (
                        INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method)
                        SELECT \(signalID), c.id, \(Double(assignment.similarity)), 'on_arrival'
                        FROM signaal.clusters AS c WHERE c.id = \(assignment.clusterID) AND c.retired_run_id IS NULL
                        ON CONFLICT (signal_id) DO NOTHING
                        RETURNING cluster_id
                    )
                    UPDATE signaal.clusters AS c SET size = c.size + 1, updated_at = now(),
                        last_seen = greatest(c.last_seen, (SELECT observed_on FROM signaal.signals WHERE id = \(signalID))),
                        regions = CASE WHEN r.code = ANY(c.regions) THEN c.regions ELSE c.regions || r.code END
                    FROM joined, signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
                    WHERE c.id = joined.cluster_id AND s.id = \(signalID)
                    """
                )
            }
        }
    }
}
