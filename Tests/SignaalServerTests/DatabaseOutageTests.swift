import Foundation
import SignaalStore
import SignaalTesting
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `serve` keeps taking signals through a database outage it did not choose: it starts its embedded cluster again
/// when that is killed, and it starts while a configured database is down. Real processes, real PostgreSQL.
@Suite struct DatabaseOutageTests {
    @Test func serveStartsItsEmbeddedClusterAgainWhenItIsKilled() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sgl-k\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let daemon = try SignaalDaemon(
            arguments: ["serve"], environment: ["SIGNAAL_DATA_DIR": folder, "SIGNAAL_RATE_LIMIT": "0", "LOG_LEVEL": "info"])
        let cluster = try EmbeddedPostgres(
            configuration: .init(directory: folder + "/postgres"), searchPath: ProcessInfo.processInfo.environment["PATH"])
        defer {
            if daemon.process.isRunning { _ = daemon.stop() }
            cluster.stopBlocking()
        }
        try #require(await daemon.waitUntilReady(seconds: 60), "\(daemon.logLines.joined(separator: "\n"))")

        let killed = try Self.postmasterID(folder + "/postgres/data/postmaster.pid")
        #expect(kill(killed, SIGKILL) == 0)
        // Sent right after the kill, the signal is stored (201) or spooled (202) depending on how soon the daemon
        // notices; either way it ends up stored once.
        let (status, trackingCode) = try await daemon.submitSignal(
            description: "Budgetmeters sluiten af in de winter, ook bij gezinnen met kinderen.", postcode: "9000")
        #expect(status == 201 || status == 202)

        var restarted = false
        for _ in 0..<300 where !restarted {
            try await Task.sleep(for: .milliseconds(200))
            let current = try? Self.postmasterID(folder + "/postgres/data/postmaster.pid")
            restarted = current != nil && current != killed
        }
        #expect(restarted, "a new postmaster runs")
        #expect(await daemon.waitUntilReady(seconds: 60), "ready again without a restart of the daemon")
        #expect(daemon.process.isRunning)
        #expect(daemon.logLines.contains { $0.contains("starting it again") })

        let stored = try await Self.waitForSignals(1, in: cluster.databaseConfiguration())
        #expect(stored == [try #require(trackingCode)])
        #expect(daemon.stop() == 0)
    }

    @Test func serveStartsWhileTheDatabaseIsDownAndCatchesUpWhenItAnswers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sgl-u\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A configured database (not the daemon's own), created and then stopped before the daemon starts.
        let cluster = try EmbeddedPostgres(
            configuration: .init(directory: folder + "/pg", isThrowaway: true), searchPath: ProcessInfo.processInfo.environment["PATH"])
        let database = try await cluster.start(logger: .test)
        try await cluster.stop(logger: .test)
        let daemon = try SignaalDaemon(
            arguments: ["serve"],
            environment: [
                "DATABASE_URL": try #require(database.connectionString), "SIGNAAL_DATA_DIR": folder + "/daemon",
                "SIGNAAL_RATE_LIMIT": "0", "LOG_LEVEL": "info",
            ])
        defer {
            if daemon.process.isRunning { _ = daemon.stop() }
            cluster.stopBlocking()
        }

        var readiness: (status: Int, json: [String: Any])?
        for _ in 0..<150 where readiness == nil {
            try await Task.sleep(for: .milliseconds(200))
            readiness = await daemon.readiness()
        }
        let down = try #require(readiness, "the daemon listens although the database is down: \(daemon.logLines.joined(separator: "\n"))")
        #expect(down.status == 503)
        #expect(down.json["database"] as? String == "unreachable")
        #expect((down.json["reason"] as? String)?.contains("spool") == true)
        let (_, form) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(daemon.port)/")!)
        #expect((form as? HTTPURLResponse)?.statusCode == 200, "the form is served")

        // Eight clients at once, all answered: accepted into the spool.
        let port = daemon.port
        let codes = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for number in 1...8 {
                group.addTask {
                    try await SignaalDaemon.submitSignal(
                        port: port,
                        description: "Signaal \(number): weigering van een sociale woning wegens de taalvoorwaarde.", postcode: "2000")
                }
            }
            return try await group.reduce(into: [String]()) { codes, answer in
                #expect(answer.0 == 202)
                if let code = answer.1 { codes.append(code) }
            }
        }
        #expect(codes.count == 8)
        #expect(await daemon.readiness()?.json["spool_depth"] as? Int == 8)

        try await cluster.start(logger: .test)
        #expect(await daemon.waitUntilReady(seconds: 60), "migrated once the database answered")
        let stored = try await Self.waitForSignals(8, in: database)
        #expect(stored == codes.sorted(), "every signal stored, each once")
        #expect(daemon.stop() == 0)
    }

    /// The postmaster's process id: the first line of `postmaster.pid`.
    static func postmasterID(_ path: String) throws -> pid_t {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let line = text.split(separator: "\n").first, let id = pid_t(line) else {
            throw SignaalDaemon.DaemonError("no process id in \(path)")
        }
        return id
    }

    /// The sorted tracking codes of the stored signals, once there are `count` (or after about a minute).
    static func waitForSignals(_ count: Int, in database: DatabaseConfiguration) async throws -> [String] {
        var codes: [String] = []
        for _ in 0..<300 where codes.count < count {
            try await Task.sleep(for: .milliseconds(200))
            codes =
                (try? await ConnectionPool.withPool(database: database, configuration: .init(maximumConnections: 1)) { pool in
                    try await pool.withConnection(logger: .test) { connection in
                        try connection.query("SELECT tracking_code FROM signaal.signals ORDER BY tracking_code").map {
                            try $0.decode(String.self, at: 0)
                        }
                    }
                }) ?? []
        }
        return codes
    }
}
