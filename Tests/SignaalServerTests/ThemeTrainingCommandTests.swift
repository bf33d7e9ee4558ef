import Foundation
import SignaalCluster
import SignaalStore
import SignaalTesting
import Testing

/// `signaal themes train --from-database`, the real executable against a real PostgreSQL.
@Suite struct ThemeTrainingCommandTests {
    @Test func trainingFromTheDatabaseRecordsAndActivatesAModelFromTheCommandLine() async throws {
        try await withTestDatabase { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // A small labelled set in the file format: fast to train in a debug build.
            let labelled = try ThemeModelLearningTests.split().labelled
            let lines = try labelled.map { signal in
                String(
                    decoding: try JSONSerialization.data(withJSONObject: [
                        "id": signal.id, "text": signal.text, "themes": signal.themes, "cluster": signal.problem ?? "-",
                    ]), as: UTF8.self)
            }
            let file = folder.appendingPathComponent("labelled.jsonl").path
            try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let environment = [
                "DATABASE_URL": try #require(database.configuration.connectionString), "SIGNAAL_SQL_DIRECTORY": TestPostgres.sqlDirectory,
                "LOG_LEVEL": "warning",
            ]
            func run(_ arguments: [String]) throws -> (status: Int32, output: String, log: String) {
                let command = try SignaalDaemon(arguments: arguments, environment: environment)
                let status = command.waitForExit()
                return (status, command.output, command.logLines.joined(separator: "\n"))
            }
            let refused = try run(["themes", "train", "--from-database", "--output", folder.appendingPathComponent("m.json").path])
            #expect(refused.status != 0 && refused.log.contains("--output"), "\(refused.log)")

            let trained = try run(["themes", "train", "--from-database", "--input", file, "--folds", "3", "--iterations", "60"])
            #expect(trained.status == 0, "\(trained.log)")
            #expect(trained.output.contains("Trained theme model v2 on \(labelled.count) labelled signals and 0 from the database"))
            #expect(trained.output.contains("folds grouped by recurring problem") && trained.output.contains("Activated: v2"))
            let rows = try await database.query(
                "SELECT version, origin, active, baseline_version FROM analytics.theme_models ORDER BY version")
            #expect(try rows.map { try $0.decode(String.self, at: 1) } == ["meegeleverd", "getraind"])
            #expect(try rows.map { try $0.decode(Bool.self, at: 2) } == [false, true])
            #expect(try rows.last?.decode(Int64.self, at: 3) == 1)
        }
    }
}
