import ArgumentParser
import SignaalStore

/// `signaal migrate`: applies the migrations of `sql/` that the database lacks.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database schema up to date (serve does this too at start-up)."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = try self.logging.bootstrap(label: "signaal.migrate")
        let migrator = try self.database.migrator()
        try await self.database.withDatabase(logger: logger) { configuration in
            try await ConnectionPool.withPool(database: configuration, configuration: .init(maximumConnections: 1)) { pool in
                let report = try await migrator.migrate(pool: pool, logger: logger)
                print(
                    report.applied.isEmpty
                        ? "Schema is current at version \(report.version)."
                        : "Applied \(report.applied.joined(separator: ", ")); schema is at version \(report.version).")
            }
        }
    }
}
