import ArgumentParser
import Foundation
import Logging
import SignaalStore

/// Where the database is, where local state lives and where the migrations are.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help:
            "libpq connection string or URI. Environment: DATABASE_URL; else libpq's PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSERVICE. None set: an embedded PostgreSQL under --data-dir."
    )
    var databaseURL: String?

    @Option(help: "Folder for the embedded PostgreSQL cluster and other local state. Environment: SIGNAAL_DATA_DIR. Default: .signaal")
    var dataDir: String?

    @Option(
        help:
            "Folder with the numbered migrations (NNN_name.sql), instead of those built into the program. Environment: SIGNAAL_SQL_DIRECTORY. Default: the built-in ones."
    )
    var sqlDirectory: String?

    /// libpq's own variables: when any is set, libpq finds the database and no embedded cluster is started.
    static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]

    /// The folder for local state: the option, else `SIGNAAL_DATA_DIR`, else `.signaal`.
    var resolvedDataDir: String {
        self.dataDir ?? Environment.value("SIGNAAL_DATA_DIR") ?? ".signaal"
    }

    /// The migrations: those of the option's or the environment's folder, else those built into the program.
    func migrator() throws -> Migrator {
        if let directory = self.sqlDirectory ?? Environment.value("SIGNAAL_SQL_DIRECTORY") {
            return try Migrator(directory: directory)
        }
        return try Migrator.builtIn()
    }

    /// Runs `body` with one connection to the database `serve` uses, migrated first: what the commands that manage
    /// keys and accounts need.
    func withMigratedPool<Result: Sendable>(
        logger: Logger, _ body: @Sendable (ConnectionPool) async throws -> Result
    ) async throws -> Result {
        let migrator = try self.migrator()
        return try await self.withDatabase(logger: logger) { configuration in
            try await ConnectionPool.withPool(database: configuration, configuration: .init(maximumConnections: 1)) { pool in
                _ = try await migrator.migrate(pool: pool, logger: logger)
                return try await body(pool)
            }
        }
    }

    /// Runs `body` against the configured database, or against the embedded cluster: started for it and stopped
    /// afterwards (also when `body` throws) — or, when another process (`serve`) runs it already, used and left
    /// running: only the process that started a cluster stops it.
    func withDatabase<Result>(
        logger: Logger,
        _ body: (DatabaseConfiguration) async throws -> Result
    ) async throws -> Result {
        try await self.withDatabase(logger: logger) { database, _ in try await body(database) }
    }

    /// Like ``withDatabase(logger:_:)``, and gives `body` the embedded cluster's launcher (`nil` for a configured
    /// database), for `serve` to supervise it.
    func withDatabase<Result>(
        logger: Logger,
        _ body: (DatabaseConfiguration, EmbeddedPostgres?) async throws -> Result
    ) async throws -> Result {
        if let url = self.databaseURL ?? Environment.value("DATABASE_URL") {
            let configuration = DatabaseConfiguration(connectionString: url)
            logger.info("Using the configured database", metadata: ["db.target": "\(configuration.redactedDescription)"])
            return try await body(configuration, nil)
        }
        if let variable = Self.libpqVariables.first(where: { Environment.value($0) != nil }) {
            let configuration = DatabaseConfiguration(connectionString: nil)
            logger.info(
                "Using the database from libpq's environment",
                metadata: ["db.target": "\(configuration.redactedDescription)", "db.variable": "\(variable)"])
            return try await body(configuration, nil)
        }
        let embedded = try EmbeddedPostgres(
            configuration: .init(directory: self.resolvedDataDir + "/postgres"),
            searchPath: Environment.value("PATH")
        )
        logger.info(
            "No database configured: using the embedded PostgreSQL",
            metadata: ["db.embedded.directory": "\(embedded.configuration.directory)"]
        )
        let configuration = try await embedded.start(logger: logger)
        let result: Result
        do {
            result = try await body(configuration, embedded)
        } catch {
            if embedded.startedByThisLauncher { try? await embedded.stop(logger: logger) }
            throw error
        }
        if embedded.startedByThisLauncher { try await embedded.stop(logger: logger) }
        return result
    }
}
