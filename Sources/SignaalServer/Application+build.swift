import Foundation
public import Hummingbird
public import Logging
import SignaalCore
public import SignaalStore

/// Builds the router with every route and middleware of Signaal, on an open pool with a migrated schema.
///
/// Reads the reference data once. The caller runs the pool as a service beside the application.
public func buildRouter(
    configuration: ServerConfiguration,
    pool: ConnectionPool,
    migrator: Migrator,
    logger: Logger
) async throws -> Router<AppRequestContext> {
    let reference = try await ReferenceStore(pool: pool).load(logger: logger)
    let renderer = try await PageRenderer.load()
    guard let timeZone = TimeZone(identifier: configuration.timeZoneIdentifier) else {
        throw ConfigurationError("unknown time zone \(configuration.timeZoneIdentifier)")
    }
    let reception = SignalReception(
        intake: SignalIntake(reference: reference), store: SignalStore(pool: pool), clock: CalendarClock(timeZone: timeZone))

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware(renderer: renderer))
    if configuration.rateLimitPerMinute > 0 {
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(limit: configuration.rateLimitPerMinute)))
    }
    IntakeFormController(reception: reception, renderer: renderer, bodyLimit: configuration.formBodyLimit)
        .addRoutes(to: router)
    SignalAPIController(reception: reception, bodyLimit: configuration.apiBodyLimit)
        .addRoutes(to: router.group("api/v1"))
    HealthController(pool: pool, migrator: migrator).addRoutes(to: router)
    try DocumentationController(renderer: renderer).addRoutes(to: router)
    return router
}

/// Builds the HTTP application listening where `configuration` says.
public func buildApplication(
    configuration: ServerConfiguration,
    pool: ConnectionPool,
    migrator: Migrator,
    logger: Logger
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, pool: pool, migrator: migrator, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Signaal"),
        logger: logger
    )
}

/// A setting that cannot work, named in the message.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
