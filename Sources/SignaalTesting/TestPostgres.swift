import Foundation
package import Logging
package import SignaalStore
import Synchronization

/// The one throwaway PostgreSQL cluster of a test process, started on first use with the same
/// ``EmbeddedPostgres`` launcher as `signaal serve`, in a temporary folder, with `sql/` migrated once into the
/// template database `signaal_template` through the real ``Migrator``.
///
/// The cluster stops when the process exits.
package actor TestPostgres {
    package static let shared = TestPostgres()

    /// The template every test database is copied from.
    package static let templateName = "signaal_template"

    /// The start-up in flight or done: tests that arrive together share it (an actor alone would start several,
    /// since it is re-entered at every `await`).
    private var launch: Task<EmbeddedPostgres, any Error>?

    /// The repository's `sql/` folder, found from this file's path.
    package static let sqlDirectory: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sql").path
    }()

    /// Starts the cluster and migrates the template, once per process.
    package func cluster() async throws -> EmbeddedPostgres {
        if let launch { return try await launch.value }
        let launch = Task { try await Self.launch() }
        self.launch = launch
        return try await launch.value
    }

    private static func launch() async throws -> EmbeddedPostgres {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sgl-\(UInt32.random(in: .min ... .max))").path
        let launcher = try EmbeddedPostgres(
            configuration: .init(directory: directory, databaseName: Self.templateName, isThrowaway: true),
            searchPath: ProcessInfo.processInfo.environment["PATH"]
        )
        try await launcher.start(logger: .test)
        Self.stopAtExit(launcher)
        _ = try await ConnectionPool.withPool(database: launcher.databaseConfiguration(), configuration: .init(maximumConnections: 1)) {
            try await Migrator(directory: Self.sqlDirectory).migrate(pool: $0, logger: .test)
        }
        return launcher
    }

    private static let launchers = Mutex<[EmbeddedPostgres]>([])

    private static func stopAtExit(_ launcher: EmbeddedPostgres) {
        let isFirst = Self.launchers.withLock { launchers in
            launchers.append(launcher)
            return launchers.count == 1
        }
        guard isFirst else { return }
        atexit {
            for launcher in TestPostgres.launchers.withLock({ $0 }) {
                launcher.stopBlocking()
                try? FileManager.default.removeItem(atPath: launcher.configuration.directory)
            }
        }
    }
}

extension Logger {
    /// A logger for tests: quiet unless `SIGNAAL_TEST_LOG_LEVEL` asks for more.
    package static let test: Logger = {
        var logger = Logger(label: "signaal.test")
        logger.logLevel =
            ProcessInfo.processInfo.environment["SIGNAAL_TEST_LOG_LEVEL"]
            .flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }()
}
