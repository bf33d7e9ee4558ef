import SignaalCore
import SignaalStore
import SignaalTesting
import Testing

@Suite struct SchemaTests {
    @Test func everyTableViewAndColumnCarriesAComment() async throws {
        try await withTestDatabase { database in
            let missing = try await database.query(
                """
                SELECT n.nspname || '.' || c.relname || coalesce('.' || a.attname, '')
                FROM pg_class AS c
                JOIN pg_namespace AS n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname IN ('signaal', 'analytics') AND c.relkind IN ('r', 'v', 'p', 'm')
                  AND (obj_description(c.oid, 'pg_class') IS NULL
                       OR (a.attnum IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL))
                ORDER BY 1
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(missing == [])
        }
    }

    @Test func referenceDataHoldsTheTaxonomyAndEveryMunicipalityOfFlandersAndBrussels() async throws {
        try await withTestDatabase { database in
            #expect(try await database.count("signaal.regions") == 6)
            #expect(try await database.count("signaal.themes") == 15)
            #expect(try await database.count("signaal.krachtlijnen") == 5)
            #expect(try await database.count("signaal.policy_levels") == 4)
            #expect(try await database.count("signaal.municipalities") == 285 + 19)
            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let gent = try #require(reference.locate(.init("9000")!))
            #expect(gent.municipality?.name == "Gent")
            #expect(gent.region.code == "oost-vlaanderen")
            let merged = try #require(reference.locate(.init("9820")!))  // Merelbeke-Melle since 2025
            #expect(merged.municipality?.name == "Merelbeke-Melle")
            #expect(reference.locate(.init("4000")!) == nil)  // Luik, Wallonia
            #expect(reference.locate(.init("1040")!)?.municipality == nil)  // Brussel and Etterbeek
            #expect(reference.locate(.init("1040")!)?.region.code == "brussel")
        }
    }

    @Test func theAnalystRoleReadsAnalyticsButNothingInSignaal() async throws {
        try await withTestDatabase { database in
            try await database.pool.withConnection(logger: .test) { connection in
                try connection.execute(unsafeSQL: "SET ROLE signaal_analyst")
                defer { try? connection.execute(unsafeSQL: "RESET ROLE") }
                _ = try connection.query("SELECT count(*) FROM analytics.signals")
                _ = try connection.query("SELECT count(*) FROM analytics.themes")
                for table in ["signaal.signals", "signaal.contact_emails", "signaal.themes"] {
                    let error = #expect(throws: PostgresError.self) {
                        try connection.query(Query(unsafeSQL: "SELECT * FROM \(table)"))
                    }
                    #expect(error?.sqlState == .insufficientPrivilege)
                }
                let error = #expect(throws: PostgresError.self) {
                    try connection.query("INSERT INTO analytics.regions (code, name) VALUES ('x', 'y')")
                }
                #expect(error?.sqlState == .insufficientPrivilege || error?.sqlState?.errorClass == "55")
            }
        }
    }

    @Test func noAnalyticsViewShowsContactDetailsOrTrackingCodes() async throws {
        try await withTestDatabase { database in
            let columns = try await database.query(
                """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'analytics' AND (column_name LIKE '%mail%' OR column_name LIKE '%tracking%')
                """
            )
            #expect(columns.isEmpty)
        }
    }
}
