import Foundation
import SignaalStore
import SignaalTesting
import Testing

/// The binary carries its migrations: it migrates from a folder without `sql/`, and what it carries is `sql/`.
@Suite struct BuiltInMigrationsTests {
    @Test func theBuiltInMigrationsAreTheFilesOfSQL() throws {
        let builtIn = try Migrator.builtIn().migrations
        let files = try Migrator(directory: TestPostgres.sqlDirectory).migrations
        #expect(builtIn.map(\.fileName) == files.map(\.fileName))
        #expect(builtIn == files, "the same files, byte for byte")
    }

    @Test func theBinaryMigratesFromAFolderWithoutSQL() async throws {
        try await withEmptyDatabase { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-sql-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let command = try SignaalDaemon(
                arguments: ["migrate"], environment: ["DATABASE_URL": try #require(database.configuration.connectionString)],
                directory: folder)
            #expect(command.waitForExit() == 0, "\(command.logLines.joined(separator: "\n"))")
            let files = try Migrator(directory: TestPostgres.sqlDirectory).migrations
            #expect(try await database.count("signaal.schema_migrations") == files.count)
        }
    }
}
