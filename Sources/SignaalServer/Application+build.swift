import Foundation
public import Hummingbird
public import Logging
import Prometheus
import ServiceLifecycle
import SignaalApp
import SignaalBriefs
import SignaalCluster
import SignaalCore
import SignaalIntake
public import SignaalStore

/// The use cases the routes call, built once per application on an open pool with a migrated schema.
struct UseCases {
    let reference: ReferenceData
    let clock: CalendarClock
    let spool: Spool?
    let intake: SignalIntake
    let reception: SignalReception
    let briefing: Briefing
    let reclustering: Reclustering
    let importer: SignalImport
    let accounts: StaffAccounts
    let signIn: StaffSignIn
    let triage: Triage
    let curation: ProblemCuration
    let dossiers: Dossiers
    let reviews: BriefReviews
    let activeThemeModel: ActiveThemeModel
    let themeModels: ThemeModelSlot

    init(configuration: ServerConfiguration, pool: ConnectionPool, logger: Logger) async throws {
        guard let timeZone = TimeZone(identifier: configuration.timeZoneIdentifier) else {
            throw ConfigurationError("unknown time zone \(configuration.timeZoneIdentifier)")
        }
        self.activeThemeModel = ActiveThemeModel(store: ThemeModelStore(pool: pool), shipped: try ThemeClassifier.standardModel())
        self.themeModels = await Self.themeModels(self.activeThemeModel, logger: logger)
        self.clock = CalendarClock(timeZone: timeZone, now: configuration.now)
        self.spool = try configuration.spoolDirectory.map(Spool.init(directory:))
        self.reference = try await ReferenceStore(pool: pool).loadOrBuiltIn(logger: logger)
        self.intake = SignalIntake(reference: self.reference, themeModels: self.themeModels)
        let clusters = ClusterArrival(
            store: ClusterStore(pool: pool), intake: self.intake,
            conceptWeight: RecurringProblemClusterer.Parameters().conceptWeight)
        self.reception = SignalReception(
            intake: self.intake, store: SignalStore(pool: pool), clock: self.clock, spool: self.spool, clusters: clusters)
        self.reclustering = Reclustering(store: ClusterStore(pool: pool), themeModels: self.themeModels)
        var briefing = Briefing(
            pool: pool, reference: self.reference, minimumCount: configuration.briefMinimumCount, clock: self.clock,
            reclustering: self.reclustering)
        briefing.review = configuration.briefReview
        self.briefing = briefing
        self.importer = SignalImport(pool: pool, intake: self.intake)
        self.accounts = StaffAccounts(store: StaffStore(pool: pool), clock: self.clock)
        self.signIn = StaffSignIn(sessions: StaffSessionStore(pool: pool), staff: StaffStore(pool: pool), clock: self.clock)
        self.triage = Triage(store: TriageStore(pool: pool), intake: self.intake, clock: self.clock)
        self.curation = ProblemCuration(store: ClusterStore(pool: pool), intake: self.intake, clock: self.clock)
        self.dossiers = Dossiers(store: DossierStore(pool: pool), intake: self.intake, clock: self.clock)
        self.reviews = BriefReviews(briefing: self.briefing, dossiers: DossierStore(pool: pool), intake: self.intake)
    }

    /// The active theme model; while the database is unreachable, the shipped one (the reload service puts the
    /// active one in once the database answers).
    private static func themeModels(_ active: ActiveThemeModel, logger: Logger) async -> ThemeModelSlot {
        do {
            let snapshot = try await active.load(logger: logger)
            return ThemeModelSlot(model: snapshot.model, version: snapshot.version)
        } catch {
            logger.warning("Theme models unreadable; classifying with the shipped model for now", metadata: ["error": "\(error)"])
            return ThemeModelSlot(model: active.shipped)
        }
    }
}

/// Builds the router with every route and middleware of Signaal.
func buildRouter(
    configuration: ServerConfiguration,
    pool: ConnectionPool,
    migrator: Migrator,
    useCases: UseCases
) async throws -> Router<AppRequestContext> {
    let renderer = try await PageRenderer.load()
    let (reference, reception, spool) = (useCases.reference, useCases.reception, useCases.spool)

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(strictTransport: configuration.isHTTPS))
    router.add(middleware: ProblemMiddleware(renderer: renderer))
    let routeMethods = RouteMethods()
    router.add(middleware: MethodNotAllowedMiddleware(routes: routeMethods))
    if configuration.rateLimitPerMinute > 0 {
        router.add(
            middleware: RateLimitMiddleware(
                limiter: RateLimiter(limit: configuration.rateLimitPerMinute), trustedProxies: configuration.trustedProxies))
    }
    let tokens = FormTokens(secret: configuration.formSecret, isSecure: configuration.isHTTPS)
    let operators = OperatorAccess(token: configuration.metricsToken)
    IntakeFormController(
        reception: reception, renderer: renderer, bodyLimit: configuration.formBodyLimit, tokens: tokens,
        publicBase: configuration.publicBase
    )
    .addRoutes(to: router)
    let api = router.group("api/v1")
    let keys = APIKeyCheck(store: APIKeyStore(pool: pool))
    SignalBatchController(reception: reception, keys: keys).addRoutes(to: api)
    SignalExportController(
        store: ExportStore(pool: pool), keys: keys, regionCodes: Set(reference.regions.map(\.code)),
        themeCodes: Set(reference.themes.map(\.code))
    ).addRoutes(to: api)
    SignalAPIController(reception: reception, keys: keys, bodyLimit: configuration.apiBodyLimit).addRoutes(to: api)
    HealthController(pool: pool, migrator: migrator, spool: spool, access: operators).addRoutes(to: router)
    MetricsController(registry: configuration.metricsRegistry, access: operators, pool: pool, spool: spool, triage: useCases.triage)
        .addRoutes(to: router)
    let briefRenderer = try await BriefHTMLRenderer.load()
    BriefsController(
        briefing: useCases.briefing, renderer: renderer, briefRenderer: briefRenderer, publicBase: configuration.publicBase
    ).addRoutes(to: router)
    PublicDossiersController(
        store: DossierStore(pool: pool), briefs: useCases.briefing.store, renderer: renderer, publicBase: configuration.publicBase,
        minimumCount: configuration.briefMinimumCount
    ).addRoutes(to: router)
    let uploads = ImportUpload(importer: useCases.importer, clock: useCases.clock)
    ImportController(uploads: uploads, keys: keys, renderer: renderer, tokens: tokens).addRoutes(to: router)
    var workspace = WorkspaceRouter(router: router, authenticator: StaffSessionAuthenticator(signIn: useCases.signIn))
    SignInController(
        signIn: useCases.signIn, accounts: useCases.accounts, renderer: renderer, tokens: tokens,
        cookie: SessionCookie(isSecure: configuration.isHTTPS), reference: reference, trustedProxies: configuration.trustedProxies
    ).addRoutes(to: &workspace)
    TriageController(triage: useCases.triage, renderer: renderer, tokens: tokens, reference: reference).addRoutes(to: &workspace)
    ProblemsController(curation: useCases.curation, renderer: renderer, tokens: tokens, reference: reference)
        .addRoutes(to: &workspace)
    DossiersController(
        dossiers: useCases.dossiers, curation: useCases.curation, accounts: useCases.accounts, store: DossierStore(pool: pool),
        renderer: renderer, tokens: tokens, reference: reference, minimumCount: configuration.briefMinimumCount
    ).addRoutes(to: &workspace)
    DraftsController(
        reviews: useCases.reviews, renderer: renderer, briefRenderer: briefRenderer, tokens: tokens, reference: reference
    ).addRoutes(to: &workspace)
    WorkspaceImportController(uploads: uploads, renderer: renderer, tokens: tokens, reference: reference).addRoutes(to: &workspace)
    StaffController(
        accounts: useCases.accounts, renderer: renderer, tokens: tokens, reference: reference, publicBase: configuration.publicBase
    ).addRoutes(to: &workspace)
    TrackingController(
        signals: SignalStore(pool: pool), briefs: useCases.briefing.store, events: TriageStore(pool: pool),
        dossiers: DossierStore(pool: pool), renderer: renderer,
        contactRetentionDays: configuration.contactRetentionDays
    ).addRoutes(to: router)
    try DocumentationController(renderer: renderer).addRoutes(to: router)
    routeMethods.learn(router)
    return router
}

/// Builds the HTTP application listening where `configuration` says, with the background services beside it: the
/// spool replay when the configuration names a spool folder, and the scheduled briefs and reclustering when it
/// schedules them. The caller runs the pool as a service beside the application.
///
/// Reads the reference data once: from the database, or the copy built into the program while it is unreachable.
public func buildApplication(
    configuration: ServerConfiguration,
    pool: ConnectionPool,
    migrator: Migrator,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let useCases = try await UseCases(configuration: configuration, pool: pool, logger: logger)
    let router = try await buildRouter(configuration: configuration, pool: pool, migrator: migrator, useCases: useCases)
    var services: [any Service] = [
        ThemeModelReloadService(
            models: useCases.activeThemeModel, slot: useCases.themeModels, logger: logger,
            pollInterval: configuration.themeModelPollInterval)
    ]
    if let spool = useCases.spool {
        if spool.depth > 0 { logger.warning("Spooled signals wait for the database", metadata: ["spool.depth": "\(spool.depth)"]) }
        services.append(
            SpoolReplayService(
                spool: spool, store: SignalStore(pool: pool), intake: useCases.intake, schema: migrator, logger: logger))
    }
    if configuration.runsContactRetention {
        services.append(
            ContactRetentionService(
                store: SignalStore(pool: pool), clock: useCases.clock, days: configuration.contactRetentionDays, logger: logger))
    }
    if let schedule = configuration.briefSchedule {
        services.append(BriefService(briefing: useCases.briefing, schedule: schedule, pollInterval: .seconds(300), logger: logger))
    }
    if let schedule = configuration.reclusterSchedule {
        services.append(
            ReclusterService(
                reclustering: useCases.reclustering, clock: useCases.clock, nightlyHour: schedule.nightlyHour,
                pollInterval: schedule.pollInterval, logger: logger))
    }
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeout / .nanoseconds(1))))),
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
