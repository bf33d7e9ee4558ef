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
        self.regionCodes = reference.regions.map(\.code)
    }

    /// The scope a code names, or `nil`.
    public func scope(code: String) -> BriefScope? {
        BriefScope(code: code, regionCodes: Set(self.regionCodes))
    }

    /// Publishes a new version (or, with `onlyFirst`, the first one only) and returns its id.
    @discardableResult
    public func publish(scope: BriefScope, period: Period, onlyFirst: Bool, logger: Logger) async throws -> Int64? {
        let run = try await self.currentRun(scope: scope, period: period, logger: logger)
        let clusterRun = run.map { Brief.ClusterRun(id: $0.id, asOf: $0.asOf.description) }
        let signals = try await self.store.signals(
            scope: scope, from: self.composer.windowStart(for: period), to: period.end, logger: logger)
        let (composer, generatedAt) = (self.composer, self.clock.now())
        return try await self.store.publish(scope: scope, period: period, onlyFirst: onlyFirst, logger: logger) { version in
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
