import Foundation
import SignaalCluster
import SignaalCore
import SignaalIntake
import SignaalStore
import SignaalTesting
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Two `signaal serve` processes on one database: both take signals, every queued recluster run is carried out by
/// exactly one of them, every scheduled brief is published exactly once, and no signal or membership is lost.
@Suite struct SeveralDaemonsTests {
    @Test func twoDaemonsShareTheWorkWithoutDoingAnythingTwice() async throws {
        try await withTestDatabase { database in
            // Work waiting before the daemons start: three requested reclusterings.
            let clusters = ClusterStore(pool: database.pool)
            for _ in 0..<3 { try await clusters.request(.requested, asOf: CalendarDate(iso8601: "2026-10-31")!, logger: .test) }
            // An installation that has been receiving signals since June: the closed periods get their briefs.
            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let intake = SignalIntake(reference: reference, themeModel: try ThemeClassifier.standardModel())
            let first = try intake.prepare(
                SignalSubmission(description: "Budgetmeters sluiten af in de winter.", postcode: "9000"), source: .api,
                today: CalendarDate(iso8601: "2026-06-01")!
            ).get()
            let seeded = try await SignalStore(pool: database.pool).insert(first, trackingCode: .random(), logger: .test)
            _ = try await database.query("UPDATE signaal.signals SET received_at = '2026-06-01T10:00:00Z' WHERE id = \(seeded.id)")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("daemons-\(UUID().uuidString)")
            var daemons: [SignaalDaemon] = []
            for number in 0..<2 {
                daemons.append(
                    try SignaalDaemon(
                        arguments: ["serve"],
                        environment: [
                            "DATABASE_URL": try #require(database.configuration.connectionString),
                            "SIGNAAL_SQL_DIRECTORY": TestPostgres.sqlDirectory,
                            "SIGNAAL_DATA_DIR": folder.appendingPathComponent("\(number)").path,
                            "SIGNAAL_RATE_LIMIT": "0", "LOG_LEVEL": "info", "SIGNAAL_BRIEF_REVIEW": "off",
                        ]))
            }
            defer { for daemon in daemons where daemon.process.isRunning { _ = daemon.stop() } }
            for daemon in daemons { #expect(await daemon.waitUntilReady()) }

            // Both take signals at the same time.
            let texts = RecurringProblemTests.budgetMeter + RecurringProblemTests.schoolLaptop + RecurringProblemTests.referenceAddress
            try await withThrowingTaskGroup(of: Int.self) { group in
                for (number, text) in texts.enumerated() {
                    let port = daemons[number % 2].port
                    group.addTask {
                        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/signals")!, timeoutInterval: 30)
                        request.httpMethod = "POST"
                        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        request.httpBody = try JSONSerialization.data(withJSONObject: [
                            "description": text, "postcode": ["2000", "9000", "3500", "8000"][number % 4],
                            "observed_on": "2026-10-1\(number % 10)",
                        ])
                        let (_, response) = try await URLSession.shared.data(for: request)
                        return (response as? HTTPURLResponse)?.statusCode ?? 0
                    }
                }
                for try await status in group { #expect(status == 201) }
            }

            // Wait for the queued runs and the scheduled briefs (both daemons try them at start-up).
            var finished = 0
            var briefs = 0
            for _ in 0..<150 where finished < 3 || briefs < 7 {
                try await Task.sleep(for: .milliseconds(200))
                finished = try await database.query(
                    "SELECT count(*) FROM signaal.cluster_runs WHERE trigger = 'requested' AND status = 'finished'")[0].decode(
                        Int.self, at: 0)
                briefs = try await database.count("signaal.briefs")
            }
            // The three queued runs, and one more for each brief that found signals newer than the latest run.
            #expect(finished >= 3)
            let logs = daemons.flatMap(\.logLines)
            let runIDs = logs.filter { $0.contains("Recluster finished") && $0.contains("run.trigger=requested") }
                .compactMap { $0.firstMatch(of: /run\.id=(\d+)/).map { String($0.1) } }
            let requested = try await database.query(
                "SELECT count(*) FROM signaal.cluster_runs WHERE trigger = 'requested' AND status = 'finished'")[0].decode(Int.self, at: 0)
            #expect(runIDs.count == requested && Set(runIDs).count == requested, "each run carried out by one daemon, once")
            let perBrief = try await database.query(
                "SELECT scope, period, count(*) FROM signaal.briefs GROUP BY scope, period HAVING count(*) > 1")
            #expect(perBrief.isEmpty, "every scheduled brief exactly once")
            #expect(briefs >= 7, "six monthly regional briefs and the quarterly Flemish one")
            #expect(logs.filter { $0.contains("Brief published") }.count == briefs)
            #expect(try await database.count("signaal.signals") == texts.count + 1, "the texts and the signal of June")
            #expect(try await database.count("signaal.signal_classifications") == texts.count + 1, "every arrival classified")
            for daemon in daemons { #expect(daemon.stop() == 0) }
        }
    }
}
