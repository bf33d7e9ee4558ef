import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalApp
import SignaalCluster
import SignaalIntake
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Stops PostgreSQL in the middle of a stream of submissions and proves that nothing accepted is lost or stored
/// twice: on a cluster of its own, since the shared test cluster must stay up.
@Suite struct DurabilityTests {
    @Test func signalsAcceptedWhileTheDatabaseIsDownAreStoredOnceWhenItIsBack() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sgl-d\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cluster = try EmbeddedPostgres(
            configuration: .init(directory: folder + "/pg", databaseName: "signaal", isThrowaway: true),
            searchPath: ProcessInfo.processInfo.environment["PATH"])
        let database = try await cluster.start(logger: .test)
        defer { cluster.stopBlocking() }
        let migrator = try Migrator(directory: TestPostgres.sqlDirectory)
        try await ConnectionPool.withPool(database: database) { pool in
            try await migrator.migrate(pool: pool, logger: .test)
            // The system's clock, not the tests' pinned one: a spooled signal's received_at is the daemon's time, the
            // others' PostgreSQL's, and the test checks their order. No date is validated here.
            var configuration = ServerConfiguration(spoolDirectory: folder + "/spool")
            configuration.metricsToken = "operator-token-0123456789"
            let app = try await buildApplication(configuration: configuration, pool: pool, migrator: migrator, logger: .test)
            let codes = try await app.test(.router) { client in
                func submit(_ number: Int, expecting status: HTTPResponse.Status) async throws -> String {
                    let body = #"{"description":"Signaal nummer \#(number) over afgesloten budgetmeters.","postcode":"9000"}"#
                    return try await client.execute(
                        uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)
                    ) { response in
                        #expect(response.status == status, "signal \(number)")
                        let json = try jsonObject(response.body)
                        #expect((json["status"] as? String) == (status == .accepted ? "queued" : "received"))
                        #expect((json["id"] == nil) == (status == .accepted))
                        return json["tracking_code"] as? String ?? "missing"
                    }
                }
                var codes: [String] = []
                for number in 1...3 { codes.append(try await submit(number, expecting: .created)) }
                try await cluster.stop(logger: .test)
                for number in 4...6 { codes.append(try await submit(number, expecting: .accepted)) }
                try await client.execute(uri: "/readyz", method: .get, headers: [.authorization: "Bearer operator-token-0123456789"]) {
                    response in
                    #expect(response.status == .serviceUnavailable)
                    let json = try jsonObject(response.body)
                    #expect(json["spool_depth"] as? Int == 3)
                }
                return codes
            }

            // The daemon restarts: a new process finds the spool and replays it once the database is back.
            try await cluster.start(logger: .test)
            let spool = try Spool(directory: folder + "/spool")
            #expect(spool.depth == 3)
            try await Self.runReplayUntilEmpty(spool, pool: pool, schema: migrator)
            let intake = SignalIntake(
                reference: try await ReferenceStore(pool: pool).load(logger: .test), themeModel: try ThemeClassifier.standardModel())
            #expect(
                try await spool.replay(
                    into: SignalStore(pool: pool), preparing: { intake.prepare(accepted: $0, clusters: nil) }, logger: .test) == 0)

            let stored = try await pool.withConnection(logger: .test) { connection in
                try connection.query("SELECT tracking_code, description FROM signaal.signals ORDER BY received_at, id")
                    .map { try $0.decode(String.self, at: 0) }
            }
            #expect(stored == codes)  // all six, each once, in the order they were accepted
            let themed = try await pool.withConnection(logger: .test) { connection in
                try connection.query(
                    """
                    SELECT count(*) FILTER (WHERE c.signal_id IS NOT NULL),
                        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analytics.signal_themes AS t WHERE t.signal_id = s.id))
                    FROM signaal.signals AS s LEFT JOIN signaal.signal_classifications AS c ON c.signal_id = s.id
                    """
                ).map { [try $0.decode(Int.self, at: 0), try $0.decode(Int.self, at: 1)] }
            }
            #expect(themed == [[6, 6]], "replayed signals are classified as they are stored, as on arrival")
        }
    }

    /// Runs the daemon's replay service until the spool is empty (at most 20 s).
    static func runReplayUntilEmpty(_ spool: Spool, pool: ConnectionPool, schema: Migrator) async throws {
        let intake = SignalIntake(
            reference: try await ReferenceStore(pool: pool).load(logger: .test), themeModel: try ThemeClassifier.standardModel())
        let service = SpoolReplayService(
            spool: spool, store: SignalStore(pool: pool), intake: intake, schema: schema, logger: .test, interval: .milliseconds(50))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            var waited = 0
            while spool.depth > 0 && waited < 400 {
                try await Task.sleep(for: .milliseconds(50))
                waited += 1
            }
            group.cancelAll()
        }
        #expect(spool.depth == 0)
    }
}
