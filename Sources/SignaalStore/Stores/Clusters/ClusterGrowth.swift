import SignaalIntake

/// The one owner of the SQL that makes a newly arrived signal a member of the recurring problem intake proposed
/// and grows that problem (size, regions, last sighting): in the signal's own statement, or later, when its daemon
/// loads a newer assignment model. Only while the proposal's run is the latest finished one and the problem active.
enum ClusterGrowth {
    /// Common table expressions `joined` (the membership, if any) and `grown` for the signal that the expression
    /// `arrived` (columns `id`, `region_id`, `observed_on`) names. Run them under
    /// ``ClusterStore/sharedMembershipLock`` so that a reclustering being written is seen whole or not at all.
    static func joined(_ proposal: PreparedSignal.ClusterProposal?) -> Query {
        """
        joined AS (
            INSERT INTO signaal.cluster_memberships (signal_id, cluster_id, similarity, method)
            SELECT arrived.id, c.id, \(proposal.map { Double($0.similarity) }), 'on_arrival'
            FROM arrived, signaal.clusters AS c
            WHERE c.id = \(proposal?.clusterID) AND c.retired_run_id IS NULL
                AND \(proposal?.runID) = (SELECT max(id) FROM signaal.cluster_runs WHERE status = 'finished')
            ON CONFLICT (signal_id) DO NOTHING
            RETURNING cluster_id
        ), grown AS (
            UPDATE signaal.clusters AS c SET size = c.size + 1, updated_at = now(),
                last_seen = greatest(c.last_seen, arrived.observed_on),
                regions = CASE WHEN r.code = ANY(c.regions) THEN c.regions ELSE c.regions || r.code END
            FROM joined, arrived JOIN signaal.regions AS r ON r.id = arrived.region_id
            WHERE c.id = joined.cluster_id
        )
        """
    }
}
