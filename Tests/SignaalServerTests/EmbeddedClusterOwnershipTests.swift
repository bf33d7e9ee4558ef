import Foundation
import SignaalStore
import SignaalTesting
import Testing

/// A command run beside `serve` uses the embedded cluster it finds running and leaves it running: only the process
/// that started a cluster stops it.
@Suite struct EmbeddedClusterOwnershipTests {
    @Test func aCommandLeavesRunningTheClusterItDidNotStart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sgl-o\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // What `serve` does with --data-dir FOLDER and no database configured.
        let cluster = try EmbeddedPostgres(
            configuration: .init(directory: folder + "/postgres", isThrowaway: true),
            searchPath: ProcessInfo.processInfo.environment["PATH"])
        let database = try await cluster.start(logger: .test)
        defer { cluster.stopBlocking() }
        #expect(cluster.startedByThisLauncher)

        let command = try SignaalDaemon(
            arguments: ["keys", "list"],
            environment: ["SIGNAAL_DATA_DIR": folder, "SIGNAAL_SQL_DIRECTORY": TestPostgres.sqlDirectory, "LOG_LEVEL": "info"])
        #expect(command.waitForExit() == 0, "\(command.logLines.joined(separator: "\n"))")
        #expect(command.logLines.contains { $0.contains("already running") })

        // The cluster still answers: the command did not stop it.
        let answered = try await ConnectionPool.withPool(database: database, configuration: .init(maximumConnections: 1)) { pool in
            try await pool.withConnection(logger: .test) { connection in try connection.query("SELECT 1").count }
        }
        #expect(answered == 1)
    }
}
