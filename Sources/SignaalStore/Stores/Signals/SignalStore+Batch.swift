public import Logging
public import SignaalCore
public import SignaalIntake

extension SignalStore {
    /// What became of one signal of a batch.
    public enum BatchOutcome: Sendable, Equatable {
        case created(SignalReceipt)
        /// The platform sent this external id before: the signal stored then.
        case duplicate(id: Int64, trackingCode: TrackingCode)
    }

    /// Stores the prepared signals of a batch from one platform in one transaction, each in a
    /// savepoint: a signal whose external id the platform used before is not stored again but answered with the
    /// earlier signal.
    public func insertBatch(
        _ items: [(prepared: PreparedSignal, origin: SignalOrigin)], logger: Logger
    ) async throws -> [BatchOutcome] {
        let lock = items.contains { $0.prepared.proposedCluster != nil } ? ClusterStore.sharedMembershipLock : nil
        return try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction(startingWith: lock) { transaction in
                try items.map { item in
                    if let earlier = try Self.earlierSignal(item.origin, on: transaction) { return earlier }
                    try transaction.execute(unsafeSQL: "SAVEPOINT batch_item")
                    do {
                        let receipt = try Self.insert(item.prepared, preferring: .random(), origin: item.origin, on: transaction)
                        try transaction.execute(unsafeSQL: "RELEASE SAVEPOINT batch_item")
                        return .created(receipt)
                    } catch let error as PostgresError
                        where error.sqlState == .uniqueViolation && error.constraint == "signals_reporting_region_id_external_id_key"
                    {
                        // Another request stored the same external id meanwhile.
                        try transaction.execute(unsafeSQL: "ROLLBACK TO SAVEPOINT batch_item")
                        guard let earlier = try Self.earlierSignal(item.origin, on: transaction) else { throw error }
                        return earlier
                    }
                }
            }
        }
    }

    private static func earlierSignal(_ origin: SignalOrigin, on connection: Connection) throws -> BatchOutcome? {
        guard let externalID = origin.externalID else { return nil }
        return try connection.query(
            """
            SELECT s.id, s.tracking_code FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id
            WHERE r.code = \(origin.platform) AND s.external_id = \(externalID)
            """
        ).first.map { row in
            .duplicate(id: try row.decode(Int64.self, at: 0), trackingCode: TrackingCode(try row.decode(String.self, at: 1))!)
        }
    }
}
