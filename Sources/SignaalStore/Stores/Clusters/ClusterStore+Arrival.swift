public import Logging
public import SignaalIntake

extension ClusterStore {
    /// Makes a stored signal a member of the recurring problem `proposal` names — provided its run is still the
    /// latest finished one and the problem active (see ``ClusterGrowth``). For a signal whose own transaction saw
    /// a run its daemon had not loaded yet. Returns whether it joined.
    @discardableResult
    public func recordAssignment(
        signalID: Int64, _ proposal: PreparedSignal.ClusterProposal, logger: Logger
    ) async throws -> Bool {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction(startingWith: Self.sharedMembershipLock) { transaction in
                try transaction.fetchOne(
                    """
                    WITH arrived AS (SELECT id, region_id, observed_on FROM signaal.signals WHERE id = \(signalID)),
                    \(fragment: ClusterGrowth.joined(proposal))
                    SELECT EXISTS (SELECT 1 FROM joined)
                    """
                ).decode(Bool.self, at: 0)
            }
        }
    }
}
