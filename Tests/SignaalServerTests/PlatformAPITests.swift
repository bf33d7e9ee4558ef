import Foundation
import Hummingbird
import HummingbirdTesting
import SignaalApp
import SignaalCluster
import SignaalCore
import SignaalIntake
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Regional platforms and partners on a real database: keys, the batch API, CSV import, exports, the upload page.
@Suite struct PlatformAPITests {
    func key(
        _ database: TestDatabase, platform: String = "limburg", name: String = "CAW Limburg", scope: APIKey.Scope = .platform
    ) async throws -> String {
        try await APIKeyStore(pool: database.pool).create(platform: platform, organisation: name, scope: scope, logger: .test).key
    }

    func batch(_ body: String, key: String?, client: some TestClientProtocol) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers: HTTPFields = jsonHeaders
        if let key { headers[.authorization] = "Bearer \(key)" }
        return try await client.execute(uri: "/api/v1/signals/batch", method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, try jsonObject($0.body))
        }
    }

    @Test func keysAreShownOnceStoredHashedAndRevocable() async throws {
        try await withTestDatabase { database in
            let store = APIKeyStore(pool: database.pool)
            let (key, record) = try await store.create(platform: "antwerpen", organisation: "Samenlevingsopbouw", logger: .test)
            #expect(key.hasPrefix("sgn_") && key.count == 44 && record.prefix == String(key.prefix(12)))
            let stored = try await database.query("SELECT key_prefix, encode(key_hash, 'hex') FROM signaal.api_keys")
            #expect(
                try stored.allSatisfy { try $0.decode(String.self, at: 0) != key && !(try $0.decode(String.self, at: 1)).contains(key) })
            #expect(try await store.authenticate(key, logger: .test)?.organisation == "Samenlevingsopbouw")
            #expect(try await store.authenticate(key.replacingOccurrences(of: "a", with: "b"), logger: .test) == nil || !key.contains("a"))
            #expect(try await store.list(logger: .test).map(\.id) == [record.id])
            #expect(try await store.revoke(id: record.id, logger: .test))
            #expect(try await store.authenticate(key, logger: .test) == nil)
            #expect(try await !store.revoke(id: record.id, logger: .test))
            await #expect(throws: APIKeyError.unknownPlatform("atlantis")) {
                try await store.create(platform: "atlantis", organisation: "x", logger: .test)
            }
        }
    }

    @Test func aBatchAnswersPerSignalAndIsIdempotentByExternalID() async throws {
        try await withTestApplication { client, database in
            let key = try await self.key(database)
            let body = """
                {"signals": [
                  {"external_id": "L-1", "description": "Budgetmeter leeg, gezin zonder stroom in de winter.", "postcode": "3600"},
                  {"external_id": "L-2", "description": "kort", "postcode": "4000"},
                  {"description": "Jongeren die 18 worden verliezen hun begeleiding en hun kamer.", "postcode": "3500", "themes": ["jeugd"]},
                  "geen object"
                ]}
                """
            let (status, answer) = try await self.batch(body, key: key, client: client)
            #expect(status == .ok)
            let results = try #require(answer["results"] as? [[String: Any]])
            #expect(results.map { $0["status"] as? String } == ["created", "invalid", "created", "invalid"])
            #expect(
                Set(((results[1]["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }) == [
                    "description", "postcode",
                ])
            #expect((results[0]["tracking_code"] as? String)?.count == 19)
            let origin = try await database.query(
                "SELECT reporting_platform, organisation FROM analytics.signal_origins WHERE signal_id = \(results[0]["id"] as! Int)")
            #expect(try origin.first?.decode(String.self, at: 0) == "limburg")
            #expect(try origin.first?.decode(String.self, at: 1) == "CAW Limburg")

            let (_, again) = try await self.batch(body, key: key, client: client)
            let repeated = try #require(again["results"] as? [[String: Any]])
            #expect(repeated[0]["status"] as? String == "duplicate" && repeated[0]["id"] as? Int == results[0]["id"] as? Int)
            #expect(repeated[2]["status"] as? String == "created", "without an external id a signal is new every time")
            #expect(try await database.count("signaal.signals") == 3)

            let tooMany = "{\"signals\": [" + Array(repeating: "{}", count: 1001).joined(separator: ",") + "]}"
            #expect(try await self.batch(tooMany, key: key, client: client).0 == .unprocessableContent)
            let (missing, problem) = try await self.batch(body, key: nil, client: client)
            #expect(missing == .unauthorized && problem["type"] as? String == "/problems/sleutel")
            #expect(try await self.batch(body, key: "sgn_" + String(repeating: "a", count: 40), client: client).0 == .unauthorized)
        }
    }

    @Test func aCSVImportLoadsGoodRowsReportsBadOnesAndSkipsWhatItHas() async throws {
        try await withTestDatabase { database in
            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let importer = SignalImport(
                pool: database.pool, intake: SignalIntake(reference: reference, themeModel: try ThemeClassifier.standardModel()))
            let csv = """
                Referentie;Beschrijving;Postcode;Datum;Thema's;Organisatie
                A-1;"Mevrouw Yasmina El Idrissi zit met haar kinderen zonder stroom: de budgetmeter is leeg.";9000;14/10/2026;;OCMW Gent
                A-2;"Jongere van 18 moet de voorziening verlaten
                en vindt geen kamer.";9300;46310;Kinderen en jongeren;
                A-3;Te kort;9000;32/13/2026;;
                A-4;Referentieadres geweigerd omdat hij niet kan bewijzen waar hij verblijft.;4000;2026-10-01;;
                """
            let data = Data(csv.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            let today = CalendarDate(iso8601: "2026-11-01")!
            let trial = try await importer.run(data, platform: "oost-vlaanderen", dryRun: true, today: today, logger: .test)
            #expect(trial.loaded == 2 && trial.invalidRows == 2)
            #expect(try await database.count("signaal.signals") == 0, "a dry run loads nothing")

            let report = try await importer.run(data, platform: "oost-vlaanderen", dryRun: false, today: today, logger: .test)
            #expect(report.rows == 4 && report.loaded == 2 && report.duplicates == 0)
            #expect(report.problems.map { "\($0.line) \($0.column)" } == ["5 Beschrijving", "5 Datum", "6 Postcode"])
            #expect(report.problems[1].message.contains("dag/maand/jaar"), "dates explained the way spreadsheets write them")
            let rows = try await database.query(
                "SELECT external_id, description, organisation_unit, observed_on::text FROM signaal.signals ORDER BY external_id")
            #expect(try rows.map { try $0.decode(String.self, at: 0) } == ["A-1", "A-2"])
            #expect(try !rows[0].decode(String.self, at: 1).contains("El Idrissi"), "scrubbed before it is stored")
            #expect(try rows[0].decode(String.self, at: 2) == "OCMW Gent", "the Organisatie column names a team")
            #expect(try rows[1].decode(String.self, at: 3) == "2026-10-15")
            let themes = try await database.query(
                "SELECT t.theme, t.is_submitter_choice FROM analytics.signal_themes AS t JOIN signaal.signals AS s ON s.id = t.signal_id WHERE s.external_id = 'A-1' AND t.rank = 1"
            )
            #expect(try themes.first?.decode(String.self, at: 0) == "energie-water")
            #expect(try themes.first?.decode(Bool.self, at: 1) == false, "classified, not chosen")

            let again = try await importer.run(data, platform: "oost-vlaanderen", dryRun: false, today: today, logger: .test)
            #expect(again.loaded == 0 && again.duplicates == 2)
            #expect(try await database.count("signaal.signals") == 2)
        }
    }

    @Test func importsOfOnePlatformTakeTurnsAndEveryWaveLoadsWhole() async throws {
        try await withTestDatabase { database in
            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let importer = SignalImport(
                pool: database.pool, intake: SignalIntake(reference: reference, themeModel: try ThemeClassifier.standardModel()))
            let count = 2_100  // more than one wave of rows
            let data = Self.fileOfWaves(count)
            let today = CalendarDate(iso8601: "2026-11-01")!
            async let first = importer.run(data, platform: "oost-vlaanderen", dryRun: false, today: today, logger: .test)
            async let second = importer.run(data, platform: "oost-vlaanderen", dryRun: false, today: today, logger: .test)
            let reports = try await [first, second]
            #expect(reports.map(\.loaded).sorted() == [0, count], "one import loads the file, the other finds it loaded")
            #expect(reports.map(\.duplicates).sorted() == [0, count])
            #expect(try await database.count("signaal.signals") == count)
            #expect(try await database.count("signaal.signal_classifications") == count)
            #expect(try await database.count("signaal.contact_emails") == 3)
            let distinct = try await database.query(
                "SELECT count(DISTINCT tracking_code), count(DISTINCT id), (SELECT count(DISTINCT signal_id) FROM signaal.signal_theme_assignments) FROM signaal.signals"
            )
            #expect(try distinct[0].decode(Int.self, at: 0) == count && distinct[0].decode(Int.self, at: 1) == count)
            #expect(try distinct[0].decode(Int.self, at: 2) == count, "every signal has its themes")
            #expect(
                try await database.count("signaal.signal_themes") == 0, "the classifier's themes are stored once, in the classification")
        }
    }

    @Test func anImportOnAPoolOfOneConnectionLoadsTheSameWay() async throws {
        try await withTestDatabase { database in
            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let count = 2_100
            let today = CalendarDate(iso8601: "2026-11-01")!
            // With one connection the loader reserves ids and tracking codes itself: no second connection to wait for.
            let reports = try await ConnectionPool.withPool(database: database.configuration, configuration: .init(maximumConnections: 1)) {
                pool in
                let importer = SignalImport(
                    pool: pool, intake: SignalIntake(reference: reference, themeModel: try ThemeClassifier.standardModel()))
                return [
                    try await importer.run(Self.fileOfWaves(count), platform: "limburg", dryRun: false, today: today, logger: .test),
                    try await importer.run(Self.fileOfWaves(count), platform: "limburg", dryRun: false, today: today, logger: .test),
                ]
            }
            #expect(reports.map(\.loaded) == [count, 0] && reports.map(\.duplicates) == [0, count])
            #expect(try await database.count("signaal.signal_classifications") == count)
            #expect(try await database.count("signaal.contact_emails") == 3)
        }
    }

    @Test(arguments: [1, 2, 8])
    func aRowTheDatabaseRefusesLoadsNothingWhateverConnectionLoadsIt(connections: Int) async throws {
        try await withTestDatabase { database in
            let reference = try await ReferenceStore(pool: database.pool).load(logger: .test)
            let count = 6_500  // four waves and a bit: with 3 connections or more, batches for both loading connections
            let today = CalendarDate(iso8601: "2026-11-01")!
            _ = try await database.query(
                """
                CREATE FUNCTION signaal.refuse_row() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'refused %', NEW.external_id; END $$
                """)
            try await ConnectionPool.withPool(database: database.configuration, configuration: .init(maximumConnections: connections)) {
                pool in
                let importer = SignalImport(
                    pool: pool, intake: SignalIntake(reference: reference, themeModel: try ThemeClassifier.standardModel()))
                // A row of the second wave, then one of the last: whichever connection took the batch, nothing is committed.
                for refused in ["W-300", "W-6400"] {
                    _ = try await database.query(
                        Query(
                            unsafeSQL: """
                                CREATE TRIGGER refuse_row BEFORE INSERT ON signaal.signals FOR EACH ROW
                                WHEN (NEW.external_id = '\(refused)') EXECUTE FUNCTION signaal.refuse_row()
                                """))
                    await #expect {
                        _ = try await importer.run(Self.fileOfWaves(count), platform: "limburg", dryRun: false, today: today, logger: .test)
                    } throws: { error in
                        "\(error)".contains("refused \(refused)")
                    }
                    #expect(try await database.count("signaal.signals") == 0, "refusing \(refused) loads nothing")
                    #expect(try await database.count("signaal.signal_themes") == 0)
                    #expect(try await database.count("signaal.signal_classifications") == 0)
                    _ = try await database.query("DROP TRIGGER refuse_row ON signaal.signals")
                }
                let report = try await importer.run(
                    Self.fileOfWaves(count), platform: "limburg", dryRun: false, today: today, logger: .test)
                #expect(report.loaded == count)
            }
            #expect(try await database.count("signaal.signal_classifications") == count)
        }
    }

    /// A file of `count` good rows (more than a wave of them, with a few contact addresses).
    private static func fileOfWaves(_ count: Int) -> Data {
        let texts = [
            "De budgetmeter van het gezin is leeg en opladen lukt niet in het weekend",
            "Jongere van 18 moet de voorziening verlaten en vindt geen kamer",
            "Referentieadres geweigerd omdat hij niet kan bewijzen waar hij verblijft",
        ]
        var lines = ["Referentie;Beschrijving;Postcode;Datum;E-mail"]
        for number in 1...count {
            lines.append(
                "W-\(number);\(texts[number % 3]), melding \(number).;9000;1/10/2026;\(number % 700 == 0 ? "contact\(number)@example.org" : "")"
            )
        }
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    @Test func exportsStreamScrubbedFieldsBehindAKey() async throws {
        try await withTestApplication { client, database in
            let key = try await self.key(database, platform: "antwerpen", name: "Vlaams platform", scope: .all)
            let body = """
                {"signals": [
                  {"external_id": "E-1", "description": "=HYPERLINK(\\"x\\") budgetmeter leeg, geen stroom.", "postcode": "3600",
                   "observed_on": "2026-10-02", "contact_email": "werker@caw.be", "themes": ["energie-water"]},
                  {"external_id": "E-2", "description": "Jongeren die 18 worden verliezen hun kamer; niemand helpt.", "postcode": "2000",
                   "observed_on": "2026-09-02", "themes": ["jeugd"]}
                ]}
                """
            _ = try await self.batch(body, key: key, client: client)
            var headers: HTTPFields = [:]
            headers[.authorization] = "Bearer \(key)"
            let csv = try await client.execute(uri: "/api/v1/signals.csv?period=2026-10", method: .get, headers: headers) {
                String(buffer: $0.body)
            }
            let lines = csv.split(separator: "\r\n")
            #expect(lines.count == 2, "header and the October signal")
            #expect(
                lines[1].contains("'=HYPERLINK") && !lines[1].contains(";=HYPERLINK") && !lines[1].contains(";\"=HYPERLINK"),
                "a formula is neutralised for spreadsheets")
            #expect(!csv.contains("werker@caw.be"))
            let json = try await client.execute(uri: "/api/v1/signals.json?theme=jeugd&region=antwerpen", method: .get, headers: headers) {
                try JSONSerialization.jsonObject(with: Data(String(buffer: $0.body).utf8)) as? [[String: Any]]
            }
            #expect(json?.count == 1 && json?.first?["postcode"] as? String == "2000")
            #expect(json?.first?["tracking_code"] == nil)
            let refused = try await client.execute(uri: "/api/v1/signals.csv", method: .get) { $0.status }
            #expect(refused == .unauthorized)
            let invalid = try await client.execute(uri: "/api/v1/signals.json?period=2026-13", method: .get, headers: headers) { $0.status }
            #expect(invalid == .unprocessableContent)
        }
    }

    @Test func coordinatorsUploadAFileWithTheirKey() async throws {
        try await withTestApplication { client, database in
            let key = try await self.key(database, platform: "brussel", name: "Brussels platform")
            func upload(_ key: String) async throws -> (HTTPResponse.Status, String) {
                let boundary = "grens123"
                let body = """
                    --\(boundary)\r\nContent-Disposition: form-data; name="file"; filename="s.csv"\r\nContent-Type: text/csv\r\n\r\n\
                    Beschrijving;Postcode\r\nDe wachtlijst voor een sociale woning in Brussel is meer dan tien jaar.;1000\r\nkort;1000\r\n\
                    \r\n--\(boundary)--\r\n
                    """
                return try await client.execute(
                    uri: "/import", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .authorization: "Bearer \(key)"],
                    body: ByteBuffer(string: body)
                ) { ($0.status, String(buffer: $0.body)) }
            }
            let (status, page) = try await upload(key)
            #expect(status == .ok)
            #expect(page.contains("1 signalen geladen") && page.contains("<td>3</td><td>Beschrijving</td>"))
            #expect(try await database.count("signaal.signals") == 1)
            #expect(try await upload("sgn_onbekend").0 == .unauthorized)
            let template = try await client.execute(uri: "/import/sjabloon.csv", method: .get) { String(buffer: $0.body) }
            #expect(template.contains("Referentie;Beschrijving;Postcode;Datum"))
        }
    }
}
