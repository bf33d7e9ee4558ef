public import Foundation
public import SignaalCore

/// A signal accepted while the database was unreachable, as one line of the spool: everything needed to store it
/// later exactly as it would have been stored then.
public struct SpooledSignal: Codable, Sendable, Equatable {
    /// The format of the line, for readers of older spools.
    public var formatVersion = 1
    /// The code the practitioner already received.
    public let trackingCode: TrackingCode
    /// When Signaal accepted the signal (becomes `received_at`).
    public let receivedAt: Date
    public let idempotencyKey: IdempotencyKey?
    /// The signal after intake: cleaned and checked. Raw text never reaches the spool.
    public let signal: ValidatedSignal

    public init(trackingCode: TrackingCode, receivedAt: Date, idempotencyKey: IdempotencyKey?, signal: ValidatedSignal) {
        self.trackingCode = trackingCode
        self.receivedAt = receivedAt
        self.idempotencyKey = idempotencyKey
        self.signal = signal
    }
}
