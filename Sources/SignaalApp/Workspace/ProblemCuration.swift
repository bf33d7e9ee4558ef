public import Logging
public import SignaalIntake
public import SignaalStore

/// Coordinators' work on recurring problems: the list and a problem's page under the member's rights, and the
/// curations (rename, merge, split, pin, remove) that every later recluster keeps. A title is scrubbed like every
/// free text.
public struct ProblemCuration: Sendable {
    let store: ClusterStore
    let intake: SignalIntake
    let clock: CalendarClock

    public init(store: ClusterStore, intake: SignalIntake, clock: CalendarClock) {
        self.store = store
        self.intake = intake
        self.clock = clock
    }

    public func problems(for member: StaffMember, logger: Logger) async throws -> [ClusterStore.Problem] {
        guard let platform = member.readablePlatform else { return [] }
        return try await self.store.problems(platform: platform, logger: logger)
    }

    public func problem(
        _ code: String, for member: StaffMember, logger: Logger
    ) async throws -> (problem: ClusterStore.Problem, members: [ClusterStore.Member])? {
        guard let platform = member.readablePlatform else { return nil }
        return try await self.store.problem(code, platform: platform, logger: logger)
    }

    /// Applies a curation when the member curates and sees the problem; the code to show next, or `nil`.
    public func curate(_ curation: ClusterStore.Curation, code: String, by member: StaffMember, logger: Logger) async throws -> String? {
        guard let platform = member.curatedPlatform else { return nil }
        let scrubbed: ClusterStore.Curation =
            switch curation {
            case .rename(let title): .rename(title: self.scrubbed(title) ?? "")
            case .split(let ids, let target, let title): .split(signalIDs: ids, into: target, title: title.flatMap(self.scrubbed))
            default: curation
            }
        if case .rename(let title) = scrubbed, title.isEmpty { return nil }
        let next = try await self.store.curate(
            scrubbed, code: code, by: member.id, platform: platform, now: self.clock.now(), logger: logger)
        logger.info("Problem curated", metadata: ["problem.code": "\(code)", "staff.id": "\(member.id)"])
        return next
    }

    private func scrubbed(_ text: String) -> String? {
        let clean = String(self.intake.scrubbed(text: text).prefix(200))
        return clean.isEmpty ? nil : clean
    }
}
