public import Foundation
public import SignaalCore

/// What the store answers when it accepted a signal.
public struct SignalReceipt: Sendable, Equatable {
    /// The database id of the signal.
    public let id: Int64
    public let trackingCode: TrackingCode
    /// When PostgreSQL accepted it.
    public let receivedAt: Date
    /// What became of the arrival stored with the signal; nil when none came with it.
    public let arrival: SignalArrival.Recorded?

    init(id: Int64, trackingCode: TrackingCode, receivedAt: Date, arrival: SignalArrival.Recorded? = nil) {
        self.id = id
        self.trackingCode = trackingCode
        self.receivedAt = receivedAt
        self.arrival = arrival
    }
}
