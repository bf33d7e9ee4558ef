import Foundation
import SignaalCore
import SignaalIntake
import SignaalStore
import SignaalTesting
import Testing

@Suite struct SpoolTests {
    static func entry(_ description: String, in database: TestDatabase, key: String? = nil) async throws -> SpooledSignal {
        let signal = try await SignalStoreTests.intake(in: database)
            .prepare(SignalSubmission(description: description, postcode: "8500"), source: .api, today: SignalStoreTests.today)
            .get().signal
        return SpooledSignal(
            trackingCode: .random(), receivedAt: Date(timeIntervalSince1970: 1_763_800_000),
            idempotencyKey: key.map { IdempotencyKey(scope: "api", key: $0) }, signal: signal)
    }

    /// Replays `spool` as the daemon does, each signal prepared by intake again.
    static func replay(_ spool: Spool, into database: TestDatabase) async throws -> Int {
        let intake = try await SignalStoreTests.intake(in: database)
        return try await spool.replay(
            into: SignalStore(pool: database.pool), preparing: { intake.prepare(accepted: $0, clusters: nil) }, logger: .test)
    }

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
    }

    @Test func replayStoresEverySignalOnceInOrderAlsoAfterARestart() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestDatabase { database in
            let entries = [
                try await Self.entry("Eerste signaal over de budgetmeter.", in: database),
                try await Self.entry("Tweede signaal over de budgetmeter.", in: database, key: "k-2"),
                try await Self.entry("Derde signaal over de budgetmeter.", in: database),
            ]
            let spool = try Spool(directory: folder)
            for entry in entries { try await spool.append(entry) }
            #expect(spool.depth == 3)

            let restarted = try Spool(directory: folder)  // a new daemon process finds what was spooled
            #expect(restarted.depth == 3)
            #expect(try await Self.replay(restarted, into: database) == 3)
            #expect(restarted.depth == 0)
            #expect(try await Self.replay(restarted, into: database) == 0)

            let rows = try await database.query("SELECT tracking_code, received_at FROM signaal.signals ORDER BY id")
            #expect(try rows.map { try $0.decode(String.self, at: 0) } == entries.map(\.trackingCode.rawValue))
            #expect(try rows[0].decode(Date.self, at: 1) == entries[0].receivedAt)
            #expect(try await database.count("signaal.idempotency_keys") == 1)
        }
    }

    @Test func aSignalWhoseCommitGotThroughIsNotStoredTwice() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestDatabase { database in
            let entry = try await Self.entry("Commit bereikte de databank, het antwoord niet.", in: database)
            let intake = try await SignalStoreTests.intake(in: database)
            _ = try await SignalStore(pool: database.pool).insert(
                intake.prepare(accepted: entry.signal, clusters: nil), trackingCode: entry.trackingCode, logger: .test)
            let spool = try Spool(directory: folder)
            try await spool.append(entry)
            #expect(try await Self.replay(spool, into: database) == 1)
            #expect(try await database.count("signaal.signals") == 1)
        }
    }

    @Test func aTornLastLineIsIgnoredAndTheRestReplayed() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestDatabase { database in
            let spool = try Spool(directory: folder)
            try await spool.append(try await Self.entry("Volledig weggeschreven signaal.", in: database))
            let handle = try #require(FileHandle(forWritingAtPath: folder + "/signals.jsonl"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"formatVersion":1,"trackingCo"#.utf8))  // crash mid-append
            try handle.close()
            let restarted = try Spool(directory: folder)
            #expect(restarted.depth == 1)
            #expect(try await Self.replay(restarted, into: database) == 1)
            #expect(try await database.count("signaal.signals") == 1)
        }
    }

    @Test func theSpoolHoldsTheCleanedSignalOnly() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestDatabase { database in
            let spool = try Spool(directory: folder)
            try await spool.append(try await Self.entry("  Tekst met\u{0007} een stuurteken.  ", in: database))
            let written = try String(contentsOfFile: folder + "/signals.jsonl", encoding: .utf8)
            #expect(written.contains("Tekst met een stuurteken."))
            #expect(!written.contains("\\u0007"))
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/signals.jsonl")
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }
}
