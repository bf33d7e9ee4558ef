public import Logging
import SignaalCore
public import SignaalIntake
public import SignaalStore

/// Dossiers in the workspace under the member's rights: a coordinator makes and follows up their platform's, a
/// Flemish coordinator the Flemish ones; policy staff read them all. Every text a person writes is scrubbed.
public struct Dossiers: Sendable {
    let store: DossierStore
    let intake: SignalIntake
    let clock: CalendarClock

    public init(store: DossierStore, intake: SignalIntake, clock: CalendarClock) {
        self.store = store
        self.intake = intake
        self.clock = clock
    }

    /// Everything a dossier's page shows.
    public struct Page: Sendable {
        public let dossier: Dossier
        public let evidence: DossierEvidence
        public let signals: [DossierStore.EvidenceSignal]
        public let proposed: [DossierStore.EvidenceSignal]
        public let events: [DossierEvent]
        public let children: [DossierSummary]
        /// Whether the member may change it (their platform's, or a Flemish one for a Flemish coordinator).
        public let editable: Bool
    }

    public func list(for member: StaffMember, logger: Logger) async throws -> [DossierSummary] {
        guard let platform = member.readablePlatform else { return [] }
        return try await self.store.list(platform: platform, logger: logger)
    }

    /// A new dossier of the member's platform (Flemish for a Flemish coordinator); its id, or `nil` when the member
    /// makes no dossiers.
    public func create(
        title: String, problemCode: String?, signalIDs: [Int64], by member: StaffMember, logger: Logger
    ) async throws -> Int64? {
        guard let platform = member.curatedPlatform, let title = self.scrubbed(title, limit: 200) else { return nil }
        return try await self.store.create(
            title: title, platform: platform, problemCode: problemCode, signalIDs: signalIDs, by: member.id, now: self.clock.now(),
            logger: logger)
    }

    public func page(_ id: Int64, for member: StaffMember, logger: Logger) async throws -> Page? {
        guard let readable = member.readablePlatform, let dossier = try await self.store.dossier(id, platform: readable, logger: logger)
        else { return nil }
        let children = try await self.store.list(platform: nil, logger: logger).filter { $0.parentID == id }
        return Page(
            dossier: dossier, evidence: try await self.store.evidence(of: id, logger: logger),
            signals: try await self.store.signals(of: id, platform: readable, logger: logger),
            proposed: try await self.store.proposed(for: id, platform: readable, logger: logger),
            events: try await self.store.events(of: id, logger: logger), children: children,
            editable: member.curatedPlatform.map { $0 == dossier.platform } ?? false)
    }

    /// Saves what the member wrote, scrubbed; `false` when the dossier is not theirs to change.
    public func save(
        _ content: Dossier.Content, children: [Int64], of id: Int64, by member: StaffMember, logger: Logger
    ) async throws -> Bool {
        guard let platform = member.curatedPlatform, let title = self.scrubbed(content.title, limit: 200) else { return false }
        var clean = content
        clean.title = title
        clean.problemStatement = self.scrubbed(content.problemStatement, limit: 500) ?? ""
        clean.affected = self.scrubbed(content.affected, limit: 500) ?? ""
        clean.cause = self.scrubbed(content.cause, limit: 1000) ?? ""
        clean.description = self.scrubbed(content.description, limit: 4000) ?? ""
        clean.ask = self.scrubbed(content.ask, limit: 2000) ?? ""
        clean.recognisingOrganisations = self.scrubbed(content.recognisingOrganisations, limit: 1000) ?? ""
        clean.addressee = self.scrubbed(content.addressee, limit: 200) ?? ""
        clean.criteria = content.criteria.map {
            Dossier.Criterion(code: $0.code, met: $0.met, motivation: self.scrubbed($0.motivation, limit: 500) ?? "")
        }
        return try await self.store.save(clean, of: id, platform: platform, children: children, now: self.clock.now(), logger: logger)
    }

    public func changeEvidence(
        of id: Int64, adding: [Int64], removing: [Int64], by member: StaffMember, logger: Logger
    ) async throws -> Bool {
        guard let platform = member.curatedPlatform else { return false }
        return try await self.store.changeEvidence(
            of: id, adding: adding, removing: removing, platform: platform, by: member.id, now: self.clock.now(), logger: logger)
    }

    /// Records a step of the dossier's life (the details scrubbed); `false` when not allowed.
    public func step(
        _ id: Int64, to state: Dossier.State, details: DossierEvent.Details, by member: StaffMember, logger: Logger
    ) async throws -> Bool {
        guard let platform = member.curatedPlatform else { return false }
        var clean = details
        clean.addressee = details.addressee.flatMap { self.scrubbed($0, limit: 200) }
        clean.channel = details.channel.flatMap { self.scrubbed($0, limit: 200) }
        clean.response = details.response.flatMap { self.scrubbed($0, limit: 4000) }
        clean.outcome = details.outcome.flatMap { self.scrubbed($0, limit: 2000) }
        let stepped = try await self.store.step(
            id, to: state, details: clean, platform: platform, by: member.id, now: self.clock.now(), logger: logger)
        if stepped {
            logger.info(
                "Dossier step", metadata: ["dossier.id": "\(id)", "dossier.state": "\(state.rawValue)", "staff.id": "\(member.id)"])
        }
        return stepped
    }

    private func scrubbed(_ text: String, limit: Int) -> String? {
        let clean = String(self.intake.scrubbed(text: text).prefix(limit))
        return clean.isEmpty ? nil : clean
    }
}
