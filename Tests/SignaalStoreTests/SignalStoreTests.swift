import SignaalCluster
import SignaalCore
import SignaalIntake
import SignaalStore
import SignaalTesting
import Testing

@Suite struct SignalStoreTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    /// Intake on the test database's reference data.
    static func intake(in database: TestDatabase) async throws -> SignalIntake {
        let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
        return SignalIntake(reference: reference, themeModel: try ThemeClassifier.standardModel())
    }

    func prepared(_ submission: SignalSubmission, in database: TestDatabase) async throws -> PreparedSignal {
        try await Self.intake(in: database).prepare(submission, source: .api, today: Self.today).get()
    }

    @Test func storesASignalWithItsThemesLocationAndContactApart() async throws {
        try await withTestDatabase { database in
            let signal = try await self.prepared(
                SignalSubmission(
                    description: "Budgetmeters sluiten af in de winter, gezinnen zitten zonder verwarming.",
                    postcode: "3600", themes: ["energie-water", "inkomen-schulden"], targetGroup: "gezinnen",
                    frequency: "wekelijks, een tiental gezinnen", observedOn: "2026-11-02", policyLevel: "vlaams",
                    suggestion: "Minimale levering garanderen", contactEmail: "werker@caw.be"),
                in: database)
            let receipt = try await SignalStore(pool: database.pool).insert(signal, trackingCode: .random(), logger: .test)
            let row = try #require(
                try await database.query(
                    "SELECT region, municipality, themes, observed_on, policy_level, source, status FROM analytics.signals WHERE id = \(receipt.id)"
                ).first)
            #expect(try row.decode(String.self, at: 0) == "limburg")
            #expect(try row.decode(String.self, at: 1) == "Genk")
            #expect(try row.decode([String].self, at: 2) == ["energie-water", "inkomen-schulden"])
            #expect(try row.decode(CalendarDate.self, at: 3) == CalendarDate(year: 2026, month: 11, day: 2))
            #expect(try row.decode(String.self, at: 4) == "vlaams")
            #expect(try row.decode(String.self, at: 5) == "api")
            #expect(try row.decode(String.self, at: 6) == "received")
            let email = try await database.query("SELECT email FROM signaal.contact_emails WHERE signal_id = \(receipt.id)")
            #expect(try email.first?.decode(String.self, at: 0) == "werker@caw.be")
            let stored = try await database.query("SELECT tracking_code FROM signaal.signals WHERE id = \(receipt.id)")
            #expect(try stored[0].decode(String.self, at: 0) == receipt.trackingCode.rawValue)
        }
    }

    @Test func anSQLInjectionLookingDescriptionIsStoredVerbatim() async throws {
        let hostile = "Huurprijs'); DROP TABLE signaal.signals; -- en \"quotes\" \\ $1 ; SELECT * FROM pg_user"
        try await withTestDatabase { database in
            let signal = try await self.prepared(SignalSubmission(description: hostile, postcode: "1000"), in: database)
            let receipt = try await SignalStore(pool: database.pool).insert(signal, trackingCode: .random(), logger: .test)
            let rows = try await database.query("SELECT description FROM analytics.signals WHERE id = \(receipt.id)")
            #expect(try rows[0].decode(String.self, at: 0) == hostile)
            #expect(try await database.count("signaal.signals") == 1)
        }
    }
}
