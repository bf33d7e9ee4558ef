import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import SignaalApp
import SignaalServer
import SignaalStore
import UnixSignals

/// `signaal serve`: the daemon. Migrates, then serves the form, the API and the health checks until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Signaal daemon (on an embedded PostgreSQL when no database is configured)."
    )

    @Option(help: "Address to listen on. Environment: SIGNAAL_HOST. Default: 127.0.0.1.")
    var host: String?

    @Option(help: "Port to listen on. Environment: SIGNAAL_PORT. Default: 8080.")
    var port: Int?

    @Option(
        help: "Submissions (POST requests) per minute per client; 0 switches the limit off. Environment: SIGNAAL_RATE_LIMIT. Default: 60.")
    var rateLimit: Int?

    @Option(
        help:
            "Address of a reverse proxy whose X-Forwarded-For names the client (repeat for several). Environment: SIGNAAL_TRUSTED_PROXIES (comma-separated). Default: none."
    )
    var trustedProxy: [String] = []

    @Option(
        name: .customLong("brief-schedule"),
        help:
            "Briefs published after a period closes, e.g. regio:maand,vlaanderen:kwartaal (regio = every platform; maand, kwartaal or jaar). Environment: SIGNAAL_BRIEF_SCHEDULE. Default: regio:maand,vlaanderen:kwartaal."
    )
    var briefSchedule: String?

    @Option(
        name: .customLong("brief-minimum-count"),
        help: "No figure in a brief about fewer signals than this. Environment: SIGNAAL_BRIEF_MINIMUM. Default: 3.")
    var briefMinimumCount: Int?

    @Option(
        help:
            "required: scheduled briefs are drafts until a coordinator publishes them in the workspace; off: they are published at once. Environment: SIGNAAL_BRIEF_REVIEW. Default: required."
    )
    var briefReview: BriefReviewMode?

    @Option(help: "Database connections at most. Environment: SIGNAAL_POOL_SIZE. Default: 8.")
    var poolSize: Int?

    @Option(
        help: ArgumentHelp(
            "A fixed time to run at (ISO 8601, e.g. 2026-11-25T10:00:00Z), for tests and demonstrations. Environment: SIGNAAL_NOW. Default: the system's clock.",
            visibility: .hidden))
    var now: String?

    @Option(
        help:
            "libpq connection string of the database's owner, to migrate with; DATABASE_URL then names the signaal_app role the daemon serves as. Environment: SIGNAAL_MIGRATION_DATABASE_URL. Default: migrate through DATABASE_URL (the embedded database: as its superuser, serving as signaal_app)."
    )
    var migrationDatabaseURL: String?

    @Option(
        help:
            "The site's address as the public reaches it, e.g. https://signaal.example.be: the base of absolute links; https makes cookies Secure and adds HSTS. Environment: SIGNAAL_PUBLIC_URL. Default: http://host:port."
    )
    var publicURL: String?

    @Option(
        help:
            "Bearer token /metrics asks for (and /readyz's details). Environment: SIGNAAL_METRICS_TOKEN. Default: none; loopback clients only."
    )
    var metricsToken: String?

    @Option(
        help: "Days a contact e-mail address is kept before it is deleted. Environment: SIGNAAL_CONTACT_RETENTION_DAYS. Default: 365.")
    var contactRetentionDays: Int?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let configuration = try self.serverConfiguration()
        let poolSize = try self.resolvedPoolSize()
        let logger = try self.logging.bootstrap(label: "signaal")
        MetricsSystem.bootstrap(PrometheusMetricsFactory.signaal(registry: configuration.metricsRegistry))
        let migrator = try self.database.migrator()
        let migrationURL = self.migrationDatabaseURL ?? Environment.value("SIGNAAL_MIGRATION_DATABASE_URL")
        try await self.database.withDatabase(logger: logger) { database, embedded in
            // Least privilege: the daemon serves as signaal_app and migrates as the owner — the embedded database's
            // superuser, the owner's URL when one is given, else (as before) through DATABASE_URL.
            let owner = migrationURL.map { DatabaseConfiguration(connectionString: $0) } ?? database
            let served = embedded?.databaseConfiguration(user: "signaal_app") ?? database
            let ownerPool = ConnectionPool(database: owner, configuration: .init(maximumConnections: 1))
            let pool = ConnectionPool(database: served, configuration: .init(maximumConnections: poolSize))
            do {
                // Started while the database is unreachable, the daemon still serves: signals go to the spool, and
                // the migrations and the replay follow as soon as the database answers.
                let migration = MigrationService(migrator: migrator, pool: ownerPool, logger: logger)
                let isMigrated = try await migration.migrateIfReachable()
                let app = try await buildApplication(configuration: configuration, pool: pool, migrator: migrator, logger: logger)
                var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: ownerPool), .init(service: pool)]
                if !isMigrated { services.append(.init(service: migration, successTerminationBehavior: .ignore)) }
                if let embedded { services.append(.init(service: EmbeddedPostgresSupervisor(cluster: embedded, logger: logger))) }
                services.append(.init(service: app))
                let group = ServiceGroup(
                    configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                logger.info("Signaal is listening", metadata: ["http.host": "\(configuration.host)", "http.port": "\(configuration.port)"])
                try await group.run()
                logger.info("Signaal stopped")
            } catch {
                await pool.close()
                await ownerPool.close()
                throw error
            }
        }
    }

    func serverConfiguration() throws -> ServerConfiguration {
        let host = self.host ?? Environment.value("SIGNAAL_HOST") ?? "127.0.0.1"
        let portText = self.port.map(String.init) ?? Environment.value("SIGNAAL_PORT") ?? "8080"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ValidationError("--port / SIGNAAL_PORT: '\(portText)' is not a port number (0-65535)")
        }
        let rateText = self.rateLimit.map(String.init) ?? Environment.value("SIGNAAL_RATE_LIMIT") ?? "60"
        guard let rateLimit = Int(rateText), rateLimit >= 0 else {
            throw ValidationError(
                "--rate-limit / SIGNAAL_RATE_LIMIT: '\(rateText)' is not a number of requests per minute (0 switches it off)")
        }
        let proxies =
            self.trustedProxy.isEmpty
            ? (Environment.value("SIGNAAL_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            : self.trustedProxy
        let scheduleText = self.briefSchedule ?? Environment.value("SIGNAAL_BRIEF_SCHEDULE") ?? "regio:maand,vlaanderen:kwartaal"
        guard let schedule = BriefSchedule(text: scheduleText) else {
            throw ValidationError(
                "--brief-schedule / SIGNAAL_BRIEF_SCHEDULE: '\(scheduleText)' is not like regio:maand,vlaanderen:kwartaal")
        }
        let nowText = self.now ?? Environment.value("SIGNAAL_NOW")
        let fixedNow = try nowText.map { text in
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw ValidationError("--now / SIGNAAL_NOW: '\(text)' is no ISO 8601 time such as 2026-11-25T10:00:00Z")
            }
            return date
        }
        var configuration = ServerConfiguration(
            host: host, port: port, rateLimitPerMinute: rateLimit, trustedProxies: Set(proxies.filter { !$0.isEmpty }),
            spoolDirectory: self.database.resolvedDataDir + "/spool", reclusterSchedule: ServerConfiguration.ReclusterSchedule())
        configuration.briefSchedule = schedule
        if let fixedNow { configuration.now = { fixedNow } }
        configuration.briefMinimumCount = try BriefCommand.minimum(self.briefMinimumCount)
        configuration.briefReview = try BriefCommand.review(self.briefReview)
        if let text = self.publicURL ?? Environment.value("SIGNAAL_PUBLIC_URL") {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
            else {
                throw ValidationError(
                    "--public-url / SIGNAAL_PUBLIC_URL: '\(text)' is no http(s) address such as https://signaal.example.be")
            }
            configuration.publicURL = url
        }
        configuration.metricsToken = self.metricsToken ?? Environment.value("SIGNAAL_METRICS_TOKEN")
        let retentionText = self.contactRetentionDays.map(String.init) ?? Environment.value("SIGNAAL_CONTACT_RETENTION_DAYS") ?? "365"
        guard let retention = Int(retentionText), (1...3650).contains(retention) else {
            throw ValidationError(
                "--contact-retention-days / SIGNAAL_CONTACT_RETENTION_DAYS: '\(retentionText)' is not a number of days from 1 to 3650")
        }
        configuration.contactRetentionDays = retention
        configuration.runsContactRetention = true
        configuration.formSecret = try FormSecret.load(dataDirectory: self.database.resolvedDataDir)
        return configuration
    }

    func resolvedPoolSize() throws -> Int {
        let text = self.poolSize.map(String.init) ?? Environment.value("SIGNAAL_POOL_SIZE") ?? "8"
        guard let size = Int(text), (1...200).contains(size) else {
            throw ValidationError("--pool-size / SIGNAAL_POOL_SIZE: '\(text)' is not a number from 1 to 200")
        }
        return size
    }
}
