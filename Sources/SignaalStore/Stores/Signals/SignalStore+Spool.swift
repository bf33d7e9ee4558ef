public import Logging
import SignaalCore
public import SignaalIntake

extension SignalStore {
    /// What storing a spooled signal came to.
    public enum SpoolOutcome: Sendable, Equatable {
        /// Stored now, under its tracking code (or, after a collision with another signal, a new one).
        case stored(SignalReceipt)
        /// It was stored before: its commit got through although the answer was lost, or a replay was interrupted.
        case alreadyStored
        /// Its idempotency key was taken by a different submission meanwhile: not stored.
        case keyReused
    }

    /// Stores a signal from the spool exactly once, with the tracking code and time it was accepted with, prepared
    /// by intake again (its classification; the spool holds the validated signal only).
    public func storeSpooled(_ entry: SpooledSignal, prepared: PreparedSignal, logger: Logger) async throws -> SpoolOutcome {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction -> SpoolOutcome in
                if let key = entry.idempotencyKey {
                    switch try Self.earlierUse(of: key, for: entry.signal, on: transaction) {
                    case .replayed?: return .alreadyStored
                    case .keyReused?: return .keyReused
                    case .created?, nil: break
                    }
                }
                let existing = try transaction.query(
                    """
                    SELECT description = \(entry.signal.description) AND postcode = \(entry.signal.postcode.rawValue)
                    FROM signaal.signals WHERE tracking_code = \(entry.trackingCode.rawValue)
                    """
                )
                if try existing.first?.decode(Bool.self, at: 0) == true { return .alreadyStored }
                let receipt = try Self.insert(
                    prepared, preferring: existing.isEmpty ? entry.trackingCode : .random(), receivedAt: entry.receivedAt,
                    on: transaction)
                if let key = entry.idempotencyKey {
                    try Self.claim(key, for: entry.signal, signalID: receipt.id, on: transaction)
                }
                return .stored(receipt)
            }
        }
    }
}
