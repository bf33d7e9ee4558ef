import Foundation
public import Logging
public import SignaalBriefs
public import SignaalCore
public import SignaalStore

/// Composes and publishes briefs from the database: reads the signals of a scope for the period (and the one before
/// it), composes, and stores a new version — one place for the command, the scheduler and the site.
public struct Briefing: Sendable {
    public let store: BriefStore
    public let composer: BriefComposer
    /// The six regional platforms' codes.
    public let regionCodes: [String]
    /// When a brief is generated, and which periods have closed.
    public let clock: CalendarClock

    /// Loads the vocabularies' names from the reference tables.
    public init(pool: ConnectionPool, minimumCount: Int = 3, clock: CalendarClock, logger: Logger) async throws {
        self.init(
            pool: pool, reference: try await ReferenceStore(pool: pool).load(logger: logger), minimumCount: minimumCount,
            clock: clock)
    }

    /// With the vocabularies already loaded.
    public init(pool: ConnectionPool, reference: ReferenceData, minimumCount: Int = 3, clock: CalendarClock) {
        self.clock = clock
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
        let signals = try await self.store.signals(
            scope: scope, from: self.composer.windowStart(for: period), to: period.end, logger: logger)
        let (composer, generatedAt) = (self.composer, self.clock.now())
        return try await self.store.publish(scope: scope, period: period, onlyFirst: onlyFirst, logger: logger) { version in
            composer.compose(scope: scope, period: period, signals: signals, version: version, generatedAt: generatedAt)
        }
    }
}
