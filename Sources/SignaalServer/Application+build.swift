import Foundation
public import Hummingbird
public import Logging
import SignaalBriefs
import SignaalCluster
import SignaalCore
import SignaalText
public import SignaalStore
import ServiceLifecycle

/// Builds the router with every route and middleware of Signaal, on an open pool with a migrated schema.
func buildRouter(
    configuration: ServerConfiguration,
    pool: ConnectionPool,
    migrator: Migrator,
    spool: Spool?,
    arrival: ClusterArrival,
    reference: ReferenceData,
    briefing: Briefing,
    timeZone: TimeZone
) async throws -> Router<AppRequestContext> {
    let renderer = try await PageRenderer.load()
    let themeModel = try ThemeClassifier.standardModel()
    let reception = SignalReception(
        intake: SignalIntake(reference: reference), store: SignalStore(pool: pool), clock: CalendarClock(timeZone: timeZone),
        spool: spool, arrival: arrival)

    let router = Router(context: AppRequestContext.self)
    _ = SignaalMetrics.registry
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware(renderer: renderer))
    if configuration.rateLimitPerMinute > 0 {
        router.add(middleware: RateLimitMiddleware(
            limiter: RateLimiter(limit: configuration.rateLimitPerMinute), trustedProxies: configuration.trustedProxies))
    }
    IntakeFormController(reception: reception, renderer: renderer, bodyLimit: configuration.formBodyLimit)
        .addRoutes(to: router)
    let api = router.group("api/v1")
    let keys = APIKeyCheck(store: APIKeyStore(pool: pool))
    SignalBatchController(reception: reception, keys: keys).addRoutes(to: api)
    SignalExportController(
        store: ExportStore(pool: pool), keys: keys, regionCodes: Set(reference.regions.map(\.code)),
        themeCodes: Set(reference.themes.map(\.code))
    ).addRoutes(to: api)
    SignalAPIController(reception: reception, bodyLimit: configuration.apiBodyLimit).addRoutes(to: api)
    HealthController(pool: pool, migrator: migrator, spool: spool).addRoutes(to: router)
    router.get("metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: SignaalMetrics.scrape(spoolDepth: spool?.depth, pool: pool.usage))))
    }
    BriefsController(briefing: briefing, renderer: renderer, briefRenderer: try await BriefHTMLRenderer.load()).addRoutes(to: router)
    ImportController(
        importer: SignalImport(pool: pool, reference: reference, themeModel: themeModel),
        keys: APIKeyStore(pool: pool), renderer: renderer, clock: CalendarClock(timeZone: timeZone)
    ).addRoutes(to: router)
    TrackingController(signals: SignalStore(pool: pool), briefs: briefing.store, renderer: renderer).addRoutes(to: router)
    try DocumentationController(renderer: renderer).addRoutes(to: router)
    return router
}

/// Builds the HTTP application listening where `configuration` says, with the spool replay beside it when the
/// configuration names a spool folder. The caller runs the pool as a service beside the application.
///
/// Reads the reference data once.
public func buildApplication(
    configuration: ServerConfiguration,
    pool: ConnectionPool,
    migrator: Migrator,
    logger: Logger
) async throws -> some ApplicationProtocol {
    guard let timeZone = TimeZone(identifier: configuration.timeZoneIdentifier) else {
        throw ConfigurationError("unknown time zone \(configuration.timeZoneIdentifier)")
    }
    let spool = try configuration.spoolDirectory.map(Spool.init(directory:))
    let reference = try await ReferenceStore(pool: pool).load(logger: logger)
    let briefing = Briefing(pool: pool, reference: reference, minimumCount: configuration.briefMinimumCount)
    let arrival = ClusterArrival(
        store: ClusterStore(pool: pool), themeModel: try ThemeClassifier.standardModel(),
        conceptWeight: RecurringProblemClusterer.Parameters().conceptWeight)
    let router = try await buildRouter(
        configuration: configuration, pool: pool, migrator: migrator, spool: spool, arrival: arrival, reference: reference,
        briefing: briefing, timeZone: timeZone)
    var services: [any Service] = []
    if let spool {
        if spool.depth > 0 { logger.warning("Spooled signals wait for the database", metadata: ["spool.depth": "\(spool.depth)"]) }
        services.append(SpoolReplayService(spool: spool, store: SignalStore(pool: pool), classify: arrival.classify, logger: logger))
    }
    if let schedule = configuration.briefSchedule {
        services.append(BriefService(
            briefing: briefing,
            schedule: schedule, clock: CalendarClock(timeZone: timeZone), pollInterval: .seconds(300), logger: logger))
    }
    if let schedule = configuration.reclusterSchedule {
        services.append(ReclusterService(
            reclustering: Reclustering(store: ClusterStore(pool: pool), themeModel: try ThemeClassifier.standardModel()),
            clock: CalendarClock(timeZone: timeZone), nightlyHour: schedule.nightlyHour, pollInterval: schedule.pollInterval,
            logger: logger))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Signaal"),
        services: services,
        logger: logger
    )
}

/// A setting that cannot work, named in the message.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
