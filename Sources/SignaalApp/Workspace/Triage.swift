import Foundation
public import Logging
import Metrics
import SignaalCore
public import SignaalIntake
public import SignaalStore

/// The coordinators' work on signals: the queue, a signal's page and the actions, each under the member's rights.
///
/// Who sees what is decided here and applied in every statement: a coordinator sees their own platform, policy
/// staff every platform, an admin none. Only coordinators change signals. A note is scrubbed like every free text.
public struct Triage: Sendable {
    let store: TriageStore
    let intake: SignalIntake
    let clock: CalendarClock

    public init(store: TriageStore, intake: SignalIntake, clock: CalendarClock) {
        self.store = store
        self.intake = intake
        self.clock = clock
    }

    public func queue(_ filter: TriageFilter, for member: StaffMember, logger: Logger) async throws -> TriagePage {
        guard let platform = member.readablePlatform else { return TriagePage(signals: [], total: 0) }
        return try await self.store.queue(filter, platform: platform, logger: logger)
    }

    /// The signal with its history and its most similar signals, or `nil` when the member may not see it.
    public func signal(
        _ id: Int64, for member: StaffMember, logger: Logger
    ) async throws -> (signal: TriageSignal, history: [SignalEvent], similar: [SimilarSignal])? {
        guard let platform = member.readablePlatform,
            let signal = try await self.store.signal(id, platform: platform, logger: logger)
        else { return nil }
        async let history = self.store.history(of: id, logger: logger)
        async let similar = self.store.similar(to: id, platform: platform, logger: logger)
        return (signal, try await history, try await similar)
    }

    /// Applies the action to the signals the member may change; returns the ids it applied to (fewer than asked
    /// when some are not the member's to change). A rejection's note is scrubbed first.
    /// - Throws: ``TriageError``.
    public func apply(_ action: SignalAction, to ids: [Int64], by member: StaffMember, logger: Logger) async throws -> [Int64] {
        guard member.role == .coordinator, let platform = member.platform, !ids.isEmpty else { return [] }
        var action = action
        if case .reject(let reason, let note) = action {
            action = .reject(reason, note: note.map(self.intake.scrubbed(text:)).flatMap { $0.isEmpty ? nil : String($0.prefix(1000)) })
        }
        let applied = try await self.store.apply(action, to: ids, by: member.id, platform: platform, now: self.clock.now(), logger: logger)
        for signal in applied where signal.first {
            Timer(label: "signaal_triage_first_action_seconds", dimensions: [("platform", signal.platform)], preferredDisplayUnit: .seconds)
                .recordSeconds(max(0, self.clock.now().timeIntervalSince(signal.receivedAt)))
        }
        logger.info(
            "Signals handled",
            metadata: ["triage.action": "\(action.eventCode)", "triage.signals": "\(applied.map(\.signalID))", "staff.id": "\(member.id)"])
        return applied.map(\.signalID)
    }

    /// Queue depth per platform and status, for `/metrics`.
    public func queueDepth(logger: Logger) async throws -> [(platform: String, status: String, count: Int)] {
        try await self.store.queueDepth(logger: logger)
    }
}
