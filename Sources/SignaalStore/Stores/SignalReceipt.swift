public import Foundation
public import SignaalCore

/// What the store answers when it accepted a signal.
public struct SignalReceipt: Sendable, Equatable {
    /// The database id of the signal.
    public let id: Int64
    public let trackingCode: TrackingCode
    /// When PostgreSQL accepted it.
    public let receivedAt: Date
}
