public import Logging
public import SignaalIntake
public import SignaalStore

/// Reviewing draft briefs in the workspace: a platform's coordinator reviews and publishes its platform's drafts, a
/// Flemish coordinator those of `vlaanderen`; policy staff read every draft. The introduction is scrubbed.
public struct BriefReviews: Sendable {
    let briefing: Briefing
    let dossiers: DossierStore
    let intake: SignalIntake

    public init(briefing: Briefing, dossiers: DossierStore, intake: SignalIntake) {
        self.briefing = briefing
        self.dossiers = dossiers
        self.intake = intake
    }

    /// The scope whose drafts the member reviews, or `nil` when they review none.
    public static func reviewedScope(of member: StaffMember) -> String? {
        switch member.role {
        case .coordinator: member.platform
        case .flemish: "vlaanderen"
        case .policy, .admin: nil
        }
    }

    /// The scopes whose drafts the member reads (`nil`: every scope; empty: none).
    static func readScopes(of member: StaffMember) -> [String]? {
        member.role == .policy ? nil : Self.reviewedScope(of: member).map { [$0] } ?? []
    }

    public func drafts(for member: StaffMember, logger: Logger) async throws -> [BriefStore.Draft] {
        let scopes = Self.readScopes(of: member)
        if scopes?.isEmpty == true { return [] }
        return try await self.briefing.store.drafts(scopes: scopes, logger: logger)
    }

    /// A draft the member may read, with the dossiers they may choose for it (those of its scope).
    public func draft(
        _ id: Int64, for member: StaffMember, logger: Logger
    ) async throws -> (draft: BriefStore.Draft, dossiers: [DossierSummary])? {
        guard let draft = try await self.briefing.store.draft(id, logger: logger),
            Self.readScopes(of: member).map({ $0.contains(draft.scope) }) ?? true
        else { return nil }
        let platform: String? = draft.scope == "vlaanderen" ? nil : draft.scope
        let dossiers = try await self.dossiers.list(platform: platform, logger: logger).filter {
            draft.scope == "vlaanderen" ? $0.platformName == nil : $0.platformName != nil
        }
        return (draft, dossiers)
    }

    /// Saves the reviewer's choices; `false` when the member does not review this draft's scope or it is published.
    public func save(
        _ id: Int64, introduction: String, problemCodes: [String]?, dossierIDs: [Int64], by member: StaffMember, logger: Logger
    ) async throws -> Bool {
        guard try await self.reviews(id, member: member, logger: logger) else { return false }
        let clean = String(self.intake.scrubbed(text: introduction).prefix(4000))
        return try await self.briefing.store.updateDraft(
            id, introduction: clean, problemCodes: problemCodes, dossierIDs: dossierIDs, by: member.id, now: self.briefing.clock.now(),
            logger: logger)
    }

    /// Publishes the draft as the member's review; the brief's id, or `nil`.
    public func publish(_ id: Int64, by member: StaffMember, logger: Logger) async throws -> Int64? {
        guard try await self.reviews(id, member: member, logger: logger) else { return nil }
        let published = try await self.briefing.publishDraft(id, by: member.id, logger: logger)
        if let published {
            logger.info("Brief published after review", metadata: ["brief.id": "\(published)", "staff.id": "\(member.id)"])
        }
        return published
    }

    private func reviews(_ id: Int64, member: StaffMember, logger: Logger) async throws -> Bool {
        guard let scope = Self.reviewedScope(of: member), let draft = try await self.briefing.store.draft(id, logger: logger) else {
            return false
        }
        return draft.scope == scope
    }
}
