import ArgumentParser
import Foundation
import SignaalApp
import SignaalCluster
import SignaalCore
import SignaalStore

/// `signaal recluster`: a full recluster on demand, on the database `serve` uses.
struct ReclusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recluster",
        abstract: "Recluster all signals now (the daemon also does this every night), keeping cluster codes stable."
    )

    @Option(name: .customLong("as-of"), help: "Peildatum (YYYY-MM-DD): signals observed up to this day; default today.")
    var asOf: String?

    @Flag(help: "Only queue the run; a running daemon carries it out.")
    var queue = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = try self.logging.bootstrap(label: "signaal.recluster")
        let asOf =
            try self.asOf.map { text in
                guard let date = CalendarDate(iso8601: text) else { throw ValidationError("--as-of: expected YYYY-MM-DD, got \(text)") }
                return date
            } ?? CalendarClock.brussels.today()
        let migrator = try self.database.migrator()
        try await self.database.withDatabase(logger: logger) { configuration in
            try await ConnectionPool.withPool(database: configuration, configuration: .init(maximumConnections: 2)) { pool in
                _ = try await migrator.migrate(pool: pool, logger: logger)
                let store = ClusterStore(pool: pool)
                guard let id = try await store.request(.requested, asOf: asOf, logger: logger) else { return }
                if self.queue {
                    print("Queued recluster run \(id) as of \(asOf).")
                    return
                }
                let finished = try await Reclustering(store: store, themeModels: try await ActiveThemeModel.slot(on: pool, logger: logger))
                    .runQueued(logger: logger)
                print("Carried out \(finished) recluster run(s); the latest is as of \(asOf).")
            }
        }
    }
}
