import Foundation
import SignaalCore
import SignaalStore
import SignaalTesting
import Testing

@Suite struct ConnectionTests {
    @Test(arguments: [
        "plain text", "it's 'quoted'", "Robert'); DROP TABLE signaal.signals;--", "ëïé ✓ 日本 🙂", "",
        "back\\slash \"double\"",
    ])
    func textParametersRoundTripUnchanged(_ text: String) async throws {
        try await withTestDatabase { database in
            let rows = try await database.query("SELECT \(text)::text, \(text)::text IS NULL")
            #expect(try rows[0].decode(String.self, at: 0) == text)
            #expect(try rows[0].decode(Bool.self, at: 1) == false)
        }
    }

    @Test func nullsIntegersArraysAndDatesRoundTrip() async throws {
        try await withTestDatabase { database in
            let missing: String? = nil
            let date = CalendarDate(year: 2024, month: 2, day: 29)!
            let instant = Date(timeIntervalSince1970: 1_763_820_105.123456)
            let row = try await database.query(
                """
                SELECT \(missing)::text, \(Int64.max), \(["a,b", "c\"d", "NULL"])::text[], \(date)::date,
                       \(instant)::timestamptz, \(-42)::int
                """
            )[0]
            #expect(try row.decode(String?.self, at: 0) == nil)
            #expect(try row.decode(Int64.self, at: 1) == .max)
            #expect(try row.decode([String].self, at: 2) == ["a,b", "c\"d", "NULL"])
            #expect(try row.decode(CalendarDate.self, at: 3) == date)
            #expect(abs(try row.decode(Date.self, at: 4).timeIntervalSince(instant)) < 0.000_001)
            #expect(try row.decode(Int.self, column: "int4") == -42)
        }
    }

    @Test func decodingNullIntoNonOptionalIsAnError() async throws {
        try await withTestDatabase { database in
            let row = try await database.query("SELECT NULL::text AS nothing")[0]
            let error = try #require(throws: PostgresError.self) { try row.decode(String.self, column: "nothing") }
            #expect(error.code == .decoding)
        }
    }

    @Test func serverErrorsCarrySQLStateAndNeverTheBoundValues() async throws {
        try await withTestDatabase { database in
            let secret = "85073003328-geheim"
            let error = try await #require(throws: PostgresError.self) {
                try await database.query("INSERT INTO signaal.regions (code, name) VALUES ('antwerpen', \(secret))")
            }
            #expect(error.code == .server)
            #expect(error.sqlState == .uniqueViolation)
            #expect(error.constraint == "regions_code_key")
            #expect(!error.description.contains(secret))
            #expect(!error.debugDescription.contains(secret))
            #expect(error.debugDescription.contains("INSERT INTO signaal.regions"))
        }
    }

    @Test func transactionRollsBackWhenTheBodyThrows() async throws {
        struct Abort: Error {}
        try await withTestDatabase { database in
            await #expect(throws: Abort.self) {
                try await database.pool.withConnection(logger: .test) { connection in
                    try connection.withTransaction { transaction in
                        try transaction.execute("INSERT INTO signaal.policy_levels (code, name) VALUES ('wijk', 'Wijk')")
                        throw Abort()
                    }
                }
            }
            let levels = try await database.count("signaal.policy_levels")
            #expect(levels == 4)
        }
    }

    @Test func aTransactionLeftOpenIsRolledBackBeforeTheConnectionIsReused() async throws {
        try await withTestDatabase { database in
            try await database.pool.withConnection(logger: .test) { connection in
                try connection.execute(unsafeSQL: "BEGIN")
                try connection.execute("INSERT INTO signaal.policy_levels (code, name) VALUES ('wijk', 'Wijk')")
            }
            #expect(try await database.count("signaal.policy_levels") == 4)
        }
    }

    @Test func connectingToAMissingDatabaseIsAConnectionError() async throws {
        try await withTestDatabase { database in
            let configuration = DatabaseConfiguration(
                connectionString: database.configuration.connectionString!.replacingOccurrences(of: database.name, with: "nope"))
            let error = try await #require(throws: PostgresError.self) {
                try await ConnectionPool.withPool(database: configuration) { pool in
                    try await pool.withConnection(logger: .test) { _ in }
                }
            }
            #expect(error.code == .connection)
            #expect(error.isUnavailable)
            #expect(error.message.contains("nope"))
        }
    }

    @Test func redactedDescriptionHidesPasswords() {
        let uri = DatabaseConfiguration(connectionString: "postgresql://signaal:s3cret@db.example/signaal")
        #expect(uri.redactedDescription == "postgresql://signaal:***@db.example/signaal")
        let keywords = DatabaseConfiguration(connectionString: "host=db password='se cret' dbname=signaal")
        #expect(keywords.redactedDescription == "host=db password=*** dbname=signaal")
    }
}

@Suite(.serialized) struct LibpqEnvironmentTests {
    @Test func withoutAConnectionStringLibpqReadsThePGVariables() async throws {
        try await withTestDatabase { database in
            let cluster = try await TestPostgres.shared.cluster()
            let variables = [
                "PGHOST": cluster.socketDirectory, "PGPORT": String(cluster.port), "PGUSER": "postgres",
                "PGDATABASE": database.name,
            ]
            for (name, value) in variables { setenv(name, value, 1) }
            defer { for name in variables.keys { unsetenv(name) } }
            let name = try await ConnectionPool.withPool(database: DatabaseConfiguration(connectionString: nil)) { pool in
                try await pool.withConnection(logger: .test) { connection in
                    try connection.fetchOne("SELECT current_database()").decode(String.self, at: 0)
                }
            }
            #expect(name == database.name)
        }
    }
}
