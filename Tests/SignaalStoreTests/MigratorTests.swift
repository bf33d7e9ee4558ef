import Foundation
import SignaalStore
import SignaalTesting
import Testing

@Suite struct MigratorTests {
    @Test func freshDatabaseGetsEveryMigrationInOrderAndARepeatedRunAppliesNothing() async throws {
        let migrator = try Migrator(directory: TestPostgres.sqlDirectory)
        try await withEmptyDatabase { database in
            let first = try await migrator.migrate(pool: database.pool, logger: .test)
            #expect(first.applied == migrator.migrations.map(\.fileName))
            #expect(first.applied.first == "001_schemas_and_roles.sql")
            let second = try await migrator.migrate(pool: database.pool, logger: .test)
            #expect(second.applied.isEmpty)
            #expect(second.version == first.version)
            #expect(try await migrator.isCurrent(pool: database.pool, logger: .test))
            let recorded = try await database.query("SELECT name FROM signaal.schema_migrations ORDER BY version")
            #expect(try recorded.map { try $0.decode(String.self, at: 0) } == first.applied)
        }
    }

    @Test func anEditedAppliedMigrationStopsTheRunNamingTheFile() async throws {
        let directory = try Self.copyOfSQLDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withEmptyDatabase { database in
            try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            let edited = directory + "/002_reference_data.sql"
            let original = try String(contentsOfFile: edited, encoding: .utf8)
            try (original + "\n-- a harmless-looking edit\n").write(toFile: edited, atomically: true, encoding: .utf8)
            let error = try await #require(throws: MigrationError.self) {
                try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            }
            #expect(error.description.contains("002_reference_data.sql"))
            #expect(error.description.contains("edited"))
        }
    }

    @Test func aNewMigrationIsAppliedAfterTheOthersAndAFailingOneLeavesNoTrace() async throws {
        let directory = try Self.copyOfSQLDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withEmptyDatabase { database in
            let before = try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            let next = String(format: "%03d", before.version + 1)
            try "CREATE TABLE signaal.scratch (id int);\nSELECT 1/0;\n"
                .write(toFile: directory + "/\(next)_broken.sql", atomically: true, encoding: .utf8)
            let error = try await #require(throws: MigrationError.self) {
                try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            }
            #expect(error.description.contains("\(next)_broken.sql"))
            #expect(try await database.query("SELECT to_regclass('signaal.scratch') IS NULL")[0].decode(Bool.self, at: 0))
            try "CREATE TABLE signaal.scratch (id int);\n"
                .write(toFile: directory + "/\(next)_broken.sql", atomically: true, encoding: .utf8)
            let after = try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            #expect(after.applied == ["\(next)_broken.sql"])
        }
    }

    @Test func aDatabaseNewerThanTheProgramIsRefused() async throws {
        let directory = try Self.copyOfSQLDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestDatabase { database in
            _ = try await database.pool.withConnection(logger: .test) { connection in
                try connection.execute(
                    "INSERT INTO signaal.schema_migrations (version, name, checksum) VALUES (999, '999_future.sql', 'x')")
            }
            let error = try await #require(throws: MigrationError.self) {
                try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            }
            #expect(error.description.contains("999_future.sql"))
        }
    }

    @Test(arguments: ["1_short.sql", "001-dash.sql", "001_Upper.sql", "abc_name.sql"])
    func badlyNamedFilesAreRefused(_ name: String) throws {
        let directory = try Self.copyOfSQLDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "SELECT 1;".write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        let error = try #require(throws: MigrationError.self) { try Migrator(directory: directory) }
        #expect(error.description.contains(name))
    }

    @Test func twoRunnersAtOnceApplyEachMigrationOnce() async throws {
        let migrator = try Migrator(directory: TestPostgres.sqlDirectory)
        try await withEmptyDatabase { database in
            async let first = migrator.migrate(pool: database.pool, logger: .test)
            async let second = migrator.migrate(pool: database.pool, logger: .test)
            let reports = try await [first, second]
            #expect(reports[0].applied.count + reports[1].applied.count == migrator.migrations.count)
            #expect(try await database.count("signaal.schema_migrations") == migrator.migrations.count)
        }
    }

    static func copyOfSQLDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sql-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: TestPostgres.sqlDirectory, toPath: directory)
        return directory
    }
}
