import Foundation
import SignaalStore
import SignaalTesting
import Testing

@Suite struct EmbeddedPostgresTests {
    @Test func missingServerProgramsAreOneSentenceSayingWhatToInstall() {
        let error = #expect(throws: EmbeddedPostgresError.self) {
            try PostgresBinaries.locate(path: "/nonexistent/bin", installFolders: [])
        }
        #expect(error?.description.contains("apt-get install postgresql") == true)
        #expect(error?.description.contains("DATABASE_URL") == true)
    }

    @Test func aClusterIsCreatedOnceAndKeepsItsDataAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sgl-e\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let launcher = try EmbeddedPostgres(
            configuration: .init(directory: directory, databaseName: "signaal"),
            searchPath: ProcessInfo.processInfo.environment["PATH"])
        let database = try await launcher.start(logger: .test)
        try await ConnectionPool.withPool(database: database) { pool in
            try await pool.withConnection(logger: .test) { connection in
                try connection.execute(unsafeSQL: "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')")
            }
        }
        try await launcher.stop(logger: .test)
        #expect(FileManager.default.fileExists(atPath: directory + "/data/PG_VERSION"))

        try await launcher.start(logger: .test)
        let note = try await ConnectionPool.withPool(database: database) { pool in
            try await pool.withConnection(logger: .test) { connection in
                try connection.fetchOne("SELECT note FROM kept").decode(String.self, at: 0)
            }
        }
        #expect(note == "still here")
        try await launcher.stop(logger: .test)
        let error = await #expect(throws: PostgresError.self) {
            try await ConnectionPool.withPool(database: database) { pool in
                try await pool.withConnection(logger: .test) { _ in }
            }
        }
        #expect(error?.isUnavailable == true)
    }
}
