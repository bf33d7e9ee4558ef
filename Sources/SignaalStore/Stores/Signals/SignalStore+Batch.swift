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

    /// Stores the prepared signals of a batch from one key in one transaction, each in a savepoint: a signal whose
    /// external id the same key used before is not stored again but answered with the earlier signal. Another key's
    /// external ids never meet these.
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
                        where error.sqlState == .uniqueViolation && Self.externalIDIndexes.contains(error.constraint ?? "")
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

    /// The unique indexes on external ids: per key, and per platform for signals without a key (migration 013).
    static let externalIDIndexes: Set<String> = ["signals_api_key_id_external_id_key", "signals_reporting_region_id_external_id_key"]

    private static func earlierSignal(_ origin: SignalOrigin, on connection: Connection) throws -> BatchOutcome? {
        guard let externalID = origin.externalID else { return nil }
        return try connection.query(
            """
            SELECT s.id, s.tracking_code FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id
            WHERE r.code = \(origin.platform) AND s.api_key_id IS NOT DISTINCT FROM \(origin.apiKeyID) AND s.external_id = \(externalID)
            """
        ).first.map { row in
            .duplicate(id: try row.decode(Int64.self, at: 0), trackingCode: TrackingCode(try row.decode(String.self, at: 1))!)
        }
    }
}
