public import Logging
public import SignaalCore
public import SignaalIntake

extension SignalStore {
    /// What happened to a submission that carried an idempotency key.
    public enum IdempotentOutcome: Sendable, Equatable {
        /// A new signal was stored.
        case created(SignalReceipt)
        /// The same submission came before with this key: nothing new was stored; this is the first receipt.
        case replayed(SignalReceipt)
        /// The key was used before for a different submission: nothing was stored.
        case keyReused
    }

    /// Stores a prepared signal (as ``insert(_:trackingCode:logger:)`` does) unless `key` was used before: a repeat
    /// of the same submission answers with the first receipt, a different submission under the same key is refused.
    ///
    /// Safe under concurrency: two requests with the same key racing each other store one signal.
    public func insert(
        _ prepared: PreparedSignal,
        trackingCode: TrackingCode,
        idempotencyKey key: IdempotencyKey,
        logger: Logger
    ) async throws -> IdempotentOutcome {
        let signal = prepared.signal
        let lock = prepared.proposedCluster == nil ? nil : ClusterStore.sharedMembershipLock
        return try await self.pool.withConnection(logger: logger) { connection in
            for _ in 1...3 {
                do {
                    return try connection.withTransaction(startingWith: lock) { transaction -> IdempotentOutcome in
                        if let earlier = try Self.earlierUse(of: key, for: signal, on: transaction) { return earlier }
                        let receipt = try Self.insert(prepared, preferring: trackingCode, on: transaction)
                        try Self.claim(key, for: signal, signalID: receipt.id, on: transaction)
                        return .created(receipt)
                    }
                } catch is KeyClaimedConcurrently {
                    continue
                }
            }
            throw PostgresError(code: .unexpectedResult, message: "the idempotency key kept changing hands")
        }
    }

    private struct KeyClaimedConcurrently: Error {}

    /// Records `key` for a stored signal; throws ``KeyClaimedConcurrently`` when a concurrent transaction claimed it
    /// first, so that the caller rolls back and answers as a repeat.
    static func claim(_ key: IdempotencyKey, for signal: ValidatedSignal, signalID: Int64, on connection: Connection) throws {
        let claimed = try connection.query(
            """
            INSERT INTO signaal.idempotency_keys (scope, key, fingerprint, signal_id)
            VALUES (\(key.scope), \(key.key), encode(sha256(convert_to(\(signal.fingerprint), 'UTF8')), 'hex'), \(signalID))
            ON CONFLICT (scope, key) DO NOTHING
            RETURNING signal_id
            """
        )
        guard !claimed.isEmpty else { throw KeyClaimedConcurrently() }
    }

    static func earlierUse(
        of key: IdempotencyKey, for signal: ValidatedSignal, on connection: Connection
    ) throws
        -> IdempotentOutcome?
    {
        let rows = try connection.query(
            """
            SELECT k.fingerprint = encode(sha256(convert_to(\(signal.fingerprint), 'UTF8')), 'hex'),
                   s.id, s.tracking_code, s.received_at
            FROM signaal.idempotency_keys AS k
            JOIN signaal.signals AS s ON s.id = k.signal_id
            WHERE k.scope = \(key.scope) AND k.key = \(key.key)
            """
        )
        guard let row = rows.first else { return nil }
        guard try row.decode(Bool.self, at: 0) else { return .keyReused }
        guard let code = TrackingCode(try row.decode(String.self, at: 2)) else {
            throw PostgresError(code: .decoding, message: "a stored tracking code is malformed")
        }
        return .replayed(SignalReceipt(id: try row.decode(at: 1), trackingCode: code, receivedAt: try row.decode(at: 3)))
    }
}
