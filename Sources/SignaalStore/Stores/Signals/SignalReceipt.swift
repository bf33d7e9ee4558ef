public import Foundation
public import SignaalCore

/// What the store answers when it accepted a signal.
public struct SignalReceipt: Sendable, Equatable {
    /// The database id of the signal.
    public let id: Int64
    public let trackingCode: TrackingCode
    /// When PostgreSQL accepted it.
    public let receivedAt: Date
    /// What the signal's transaction found about its recurring problem; `nil` when the receipt is an earlier one.
    public let arrival: Arrival?

    /// Whether the signal joined the recurring problem intake proposed, and the latest finished run, which tells
    /// the caller whether its assignment model is still current.
    public struct Arrival: Sendable, Equatable {
        public let joinedCluster: Bool
        public let latestFinishedRun: Int64?
    }

    init(id: Int64, trackingCode: TrackingCode, receivedAt: Date, arrival: Arrival? = nil) {
        self.id = id
        self.trackingCode = trackingCode
        self.receivedAt = receivedAt
        self.arrival = arrival
    }
}
