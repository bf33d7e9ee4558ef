import Foundation
public import Logging
public import SignaalBriefs
public import SignaalCore
public import SignaalStore

/// Composes and publishes briefs from the database: reads the signals of a scope for the period (and the one before
/// it), composes, and stores a new version — one place for the command, the scheduler and the site. When the latest
/// reclustering started before the newest of those signals arrived, it reclusters first, so that a brief right
/// after an import or a day of traffic shows their recurring problems; the brief names the run it used.
public struct Briefing: Sendable {
    public let store: BriefStore
    public let composer: BriefComposer
    /// The six regional platforms' codes.
    public let regionCodes: [String]
    /// When a brief is generated, and which periods have closed.
    public let clock: CalendarClock
    /// Brings the recurring problems up to date before a brief when they are older than its signals.
    public let reclustering: Reclustering
    /// Whether a person publishes the scheduled briefs (drafts until then) or they appear by themselves.
    public var review: BriefReviewMode = .required
    let dossiers: DossierStore

    /// Loads the vocabularies' names from the reference tables.
    public init(
        pool: ConnectionPool, minimumCount: Int = 3, clock: CalendarClock, reclustering: Reclustering, logger: Logger
    ) async throws {
        self.init(
            pool: pool, reference: try await ReferenceStore(pool: pool).load(logger: logger), minimumCount: minimumCount,
            clock: clock, reclustering: reclustering)
    }

    /// With the vocabularies already loaded.
    public init(
        pool: ConnectionPool, reference: ReferenceData, minimumCount: Int = 3, clock: CalendarClock, reclustering: Reclustering
    ) {
        self.clock = clock
        self.reclustering = reclustering
        var composer = BriefComposer(
            names: .init(
                themes: Dictionary(reference.themes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
                regions: Dictionary(reference.regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
                policyLevels: Dictionary(reference.policyLevels.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })))
        composer.minimumCount = minimumCount
        self.composer = composer
        self.store = BriefStore(pool: pool)
        self.dossiers = DossierStore(pool: pool)
        self.regionCodes = reference.regions.map(\.code)
    }

    /// The scope a code names, or `nil`.
    public func scope(code: String) -> BriefScope? {
        BriefScope(code: code, regionCodes: Set(self.regionCodes))
    }

    /// Publishes a new version (or, with `onlyFirst`, the first one only) and returns its id; `byCommand` records
    /// that a script published it (`signaal brief --publish`).
    @discardableResult
    public func publish(scope: BriefScope, period: Period, onlyFirst: Bool, byCommand: Bool = false, logger: Logger) async throws -> Int64?
    {
        let compose = try await self.composition(scope: scope, period: period, logger: logger)
        return try await self.store.publish(
            scope: scope, period: period, onlyFirst: onlyFirst, publishedByCommand: byCommand, logger: logger
        ) {
            version in
            var (brief, included) = try compose(version)
            if byCommand { brief.reviewedBy = "command" }
            return (brief, included)
        }
    }

    /// Stores a draft (or, with `onlyFirst`, the first one only while there is neither draft nor brief) and returns
    /// its id.
    @discardableResult
    public func draft(scope: BriefScope, period: Period, onlyFirst: Bool, logger: Logger) async throws -> Int64? {
        let compose = try await self.composition(scope: scope, period: period, logger: logger)
        return try await self.store.saveDraft(scope: scope, period: period, onlyFirst: onlyFirst, logger: logger, compose: compose)
    }

    /// What the scheduler does for a closed period: a draft for a person to publish, or — with review off — the
    /// published brief.
    public func produce(scope: BriefScope, period: Period, logger: Logger) async throws -> (id: Int64, drafted: Bool)? {
        switch self.review {
        case .required: try await self.draft(scope: scope, period: period, onlyFirst: true, logger: logger).map { ($0, true) }
        case .off: try await self.publish(scope: scope, period: period, onlyFirst: true, logger: logger).map { ($0, false) }
        }
    }

    /// Publishes a reviewed draft with the reviewer's introduction, problems and dossiers; the brief's id, or `nil`
    /// when it was published already. `memberID` is the reviewer (`nil`: a command).
    public func publishDraft(_ id: Int64, by memberID: Int64?, logger: Logger) async throws -> Int64? {
        guard let draft = try await self.store.draft(id, logger: logger) else { return nil }
        var chosen: [Brief.Dossier] = []
        for dossierID in draft.dossierIDs {
            guard let dossier = try await self.dossiers.dossier(dossierID, platform: nil, logger: logger) else { continue }
            chosen.append(
                Brief.Dossier(
                    id: dossier.id, title: dossier.content.title, problemStatement: dossier.content.problemStatement,
                    description: dossier.content.description, ask: dossier.content.ask, state: dossier.state.dutchName,
                    problemCode: dossier.problemCode))
        }
        let (reviewer, dossiers) = (memberID == nil ? "command" : "coordinator", chosen)
        return try await self.store.publishDraft(id, by: memberID, logger: logger) { draft, _ in
            BriefReview(introduction: draft.introduction, problemCodes: draft.problemCodes, dossiers: dossiers, reviewer: reviewer)
                .applied(to: draft.brief)
        }
    }

    /// The composition of the brief of `scope` for `period` from the signals as they are now, for a version number.
    private func composition(
        scope: BriefScope, period: Period, logger: Logger
    ) async throws -> @Sendable (Int) throws -> (brief: Brief, includedSignalIDs: [Int64]) {
        let run = try await self.currentRun(scope: scope, period: period, logger: logger)
        let clusterRun = run.map { Brief.ClusterRun(id: $0.id, asOf: $0.asOf.description) }
        let signals = try await self.store.signals(
            scope: scope, from: self.composer.windowStart(for: period), to: period.end, logger: logger)
        let (composer, generatedAt) = (self.composer, self.clock.now())
        return { version in
            composer.compose(
                scope: scope, period: period, signals: signals, version: version, generatedAt: generatedAt, clusterRun: clusterRun)
        }
    }

    /// The latest finished run, after reclustering when it started before the newest signal of the brief arrived.
    private func currentRun(scope: BriefScope, period: Period, logger: Logger) async throws -> ClusterStore.FinishedRun? {
        let clusters = self.reclustering.store
        let latest = try await clusters.latestFinishedRun(logger: logger)
        guard let newest = try await self.store.newestArrival(scope: scope, from: period.start, to: period.end, logger: logger),
            latest.map({ $0.startedAt < newest }) ?? true
        else { return latest }
        logger.info("Recurring problems predate the brief's signals: reclustering first", metadata: ["brief.scope": "\(scope.code)"])
        try await clusters.request(.requested, asOf: self.clock.today(), logger: logger)
        try await self.reclustering.runQueued(logger: logger)
        return try await clusters.latestFinishedRun(logger: logger)
    }
}
