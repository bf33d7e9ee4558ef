public import Logging

extension ClusterStore {
    /// Makes a stored signal a member of a recurring problem of run `assignment.runID` — provided that run is still
    /// the latest finished one and the cluster active (the cluster's size, regions and last sighting follow). For
    /// a signal whose own transaction saw a run its daemon had not loaded yet. Returns whether it joined.
    @discardableResult
    public func recordAssignment(signalID: Int64, _ assignment: SignalArrival.Assignment, logger: Logger) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction(startingWith: Self.sharedMembershipLock) { transaction in
                try transaction.execute(
                    """
                    WITH joined AS (
                        INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method)
                        SELECT \(signalID), c.id, \(Double(assignment.similarity)), 'on_arrival'
                        FROM signaal.clusters AS c
                        WHERE c.id = \(assignment.clusterID) AND c.retired_run_id IS NULL
                            AND \(assignment.runID) = (SELECT max(id) FROM signaal.cluster_runs WHERE status = 'finished')
                        ON CONFLICT (signal_id) DO NOTHING
                        RETURNING cluster_id
                    )
                    UPDATE signaal.clusters AS c SET size = c.size + 1, updated_at = now(),
                        last_seen = greatest(c.last_seen, s.observed_on),
                        regions = CASE WHEN r.code = ANY(c.regions) THEN c.regions ELSE c.regions || r.code END
                    FROM joined, signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.region_id
                    WHERE c.id = joined.cluster_id AND s.id = \(signalID)
                    """
                ) == 1
            }
        }
    }
}
