import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Access control and abuse resistance, tried as an attacker with one partner key would, against a real PostgreSQL
/// over HTTP: each test fails without the measure it names.
@Suite struct SecurityTests {
    static let flemishPlatform = "Vlaams platform"

    func key(
        _ database: TestDatabase, platform: String, name: String, scope: APIKey.Scope = .platform
    ) async throws -> (key: String, record: APIKey) {
        try await APIKeyStore(pool: database.pool).create(platform: platform, organisation: name, scope: scope, logger: .test)
    }

    /// Posts one signal to the JSON API, with a key when given; the status and the answer.
    func submit(
        _ client: some TestClientProtocol, postcode: String, key: String? = nil, idempotencyKey: String? = nil,
        description: String = "Budgetmeters sluiten af in de winter; gezinnen zitten zonder verwarming."
    ) async throws -> (HTTPResponse, [String: Any]) {
        var headers = jsonHeaders
        if let key { headers[.authorization] = "Bearer \(key)" }
        if let idempotencyKey { headers[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
        let body = try JSONSerialization.data(withJSONObject: [
            "description": description, "postcode": postcode, "contact_email": "werker@caw.be",
        ])
        return try await client.execute(uri: "/api/v1/signals", method: .post, headers: headers, body: ByteBuffer(bytes: body)) {
            ($0.head, try jsonObject($0.body))
        }
    }

    /// The postcodes of an export with `key`, or the status when it is refused.
    func exportedPostcodes(_ client: some TestClientProtocol, key: String, query: String = "") async throws -> Result<[String], StatusError>
    {
        try await client.execute(uri: "/api/v1/signals.json\(query)", method: .get, headers: [.authorization: "Bearer \(key)"]) {
            guard $0.status == .ok else { return .failure(StatusError(status: $0.status, body: String(buffer: $0.body))) }
            let rows = try JSONSerialization.jsonObject(with: Data($0.body.readableBytesView)) as? [[String: Any]] ?? []
            return .success(rows.compactMap { $0["postcode"] as? String }.sorted())
        }
    }

    struct StatusError: Error, Equatable {
        let status: HTTPResponse.Status
        let body: String
    }

    // 1. A key sees its own platform.
    @Test func aPartnerKeyExportsOnlyItsOwnPlatform() async throws {
        try await withTestApplication { client, database in
            for postcode in ["2000", "3500"] { #expect(try await self.submit(client, postcode: postcode).0.status == .created) }
            let limburg = try await self.key(database, platform: "limburg", name: "CAW Limburg").key
            let flanders = try await self.key(database, platform: "antwerpen", name: Self.flemishPlatform, scope: .all).key

            #expect(try await self.exportedPostcodes(client, key: limburg).get() == ["3500"], "without a filter: its own platform only")
            #expect(try await self.exportedPostcodes(client, key: limburg, query: "?region=limburg").get() == ["3500"])
            guard case .failure(let refused) = try await self.exportedPostcodes(client, key: limburg, query: "?region=antwerpen") else {
                Issue.record("a limburg key exported antwerpen's signals")
                return
            }
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("\"status\":403") && refused.body.contains("limburg"))
            let csv = try await client.execute(
                uri: "/api/v1/signals.csv?region=vlaams-brabant", method: .get, headers: [.authorization: "Bearer \(limburg)"]
            ) { $0.head }
            #expect(csv.status == .forbidden && csv.headerFields[.contentType] == "application/problem+json")

            #expect(try await self.exportedPostcodes(client, key: flanders).get() == ["2000", "3500"], "scope all: every platform")
            #expect(try await self.exportedPostcodes(client, key: flanders, query: "?region=limburg").get() == ["3500"])
        }
    }

    @Test func keysListShowsEachKeysScope() async throws {
        try await withTestDatabase { database in
            let environment = ["DATABASE_URL": try #require(database.configuration.connectionString), "LOG_LEVEL": "error"]
            let created = try SignaalDaemon(
                arguments: ["keys", "create", "--platform", "antwerpen", "--name", Self.flemishPlatform, "--scope", "all"],
                environment: environment)
            #expect(created.waitForExit() == 0)
            #expect(created.output.contains("scope all"))
            _ = try await self.key(database, platform: "limburg", name: "CAW Limburg")
            let listed = try SignaalDaemon(arguments: ["keys", "list"], environment: environment)
            #expect(listed.waitForExit() == 0)
            let rows = listed.output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            #expect(rows.first?.contains("scope") == true)
            #expect(rows.contains { $0.starts(with: ["1", "antwerpen", "all", Self.flemishPlatform]) })
            #expect(rows.contains { $0.starts(with: ["2", "limburg", "platform", "CAW Limburg"]) })
        }
    }

    // 2. Idempotency and duplicates per caller.
    @Test func externalIDsAndIdempotencyKeysBelongToTheKeyThatSentThem() async throws {
        try await withTestApplication { client, database in
            let first = try await self.key(database, platform: "limburg", name: "CAW Limburg").key
            let second = try await self.key(database, platform: "limburg", name: "OCMW Genk").key
            var answers: [[String: Any]] = []
            for key in [first, second] {
                let body =
                    #"{"signals": [{"external_id": "L-1", "description": "Budgetmeter leeg, gezin zonder stroom.", "postcode": "3600"}]}"#
                try await client.execute(
                    uri: "/api/v1/signals/batch", method: .post,
                    headers: [.contentType: "application/json", .authorization: "Bearer \(key)"],
                    body: ByteBuffer(string: body)
                ) { answers.append(try #require((try jsonObject($0.body)["results"] as? [[String: Any]])?.first)) }
            }
            #expect(answers.map { $0["status"] as? String } == ["created", "created"], "another key's external id is its own")
            #expect(answers[0]["id"] as? Int != answers[1]["id"] as? Int)
            #expect(answers[0]["tracking_code"] as? String != answers[1]["tracking_code"] as? String)

            let retried = try await [first, second, first].asyncMap { key in
                try await self.submit(client, postcode: "3500", key: key, idempotencyKey: "herhaal-1").1["tracking_code"] as? String
            }
            #expect(retried[0] != retried[1] && retried[0] == retried[2], "an Idempotency-Key is the key's own")
            #expect(try await database.count("signaal.signals") == 4)
        }
    }

    @Test func anImportIsTheKeysOrganisationAndATeamColumnIsScrubbed() async throws {
        try await withTestApplication { client, database in
            let created = try await self.key(database, platform: "limburg", name: "CAW Limburg")
            let boundary = "grens"
            let body = """
                --\(boundary)\r\nContent-Disposition: form-data; name="file"; filename="s.csv"\r\nContent-Type: text/csv\r\n\r\n\
                Beschrijving;Postcode;Organisatie\r\nDe wachtlijst voor een sociale woning in Hasselt is meer dan tien jaar.;3500;\
                Team Noord (anke.verbeke@voorbeeld.be)\r\n\r\n--\(boundary)--\r\n
                """
            let status = try await client.execute(
                uri: "/import", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .authorization: "Bearer \(created.key)"],
                body: ByteBuffer(string: body)
            ) { $0.status }
            #expect(status == .ok)
            let row = try #require(
                try await database.query("SELECT organisation, organisation_unit, api_key_id FROM signaal.signals").first)
            #expect(try row.decode(String.self, at: 0) == "CAW Limburg", "the key's organisation, not the column's")
            let unit = try row.decode(String.self, at: 1)
            #expect(unit.hasPrefix("Team Noord") && !unit.contains("anke.verbeke"))
            #expect(try row.decode(Int.self, at: 2) == created.record.id)
        }
    }

    // 3. Tracking codes are secrets.
    @Test func trackingCodesAreLongUnloggedAndGuarded() async throws {
        let recorder = LogRecorder()
        let logger = Logger(label: "test") { _ in recorder }
        try await withTestApplication(configuration: .init(rateLimitPerMinute: 6), logger: logger) { client, database in
            let (head, answer) = try await self.submit(client, postcode: "9000")
            #expect(head.status == .created && head.headerFields[.cacheControl] == "no-store")
            let code = try #require(answer["tracking_code"] as? String)
            #expect(code.wholeMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}/) != nil, "16 symbols of 32: 80 bits")

            let page = try await client.execute(uri: "/volg/\(code)", method: .get) { $0.head }
            #expect(page.status == .ok && page.headerFields[.cacheControl] == "no-store")
            _ = try await database.query("UPDATE signaal.signals SET tracking_code = 'ABCD-EFGH'")
            #expect(try await client.execute(uri: "/volg/ABCD-EFGH", method: .get) { $0.status } == .ok, "old codes keep working")
            let problem = try await client.execute(uri: "/api/v1/nope", method: .get) { $0.head }
            #expect(problem.headerFields[.cacheControl] == "no-store")

            var guesses: [HTTPResponse] = []
            for path in [
                "/volg/ZZZZ-ZZZZ-ZZZZ-ZZZZ", "//volg/ZZZZ-ZZZZ-ZZZZ-ZZZZ", "/volg//ZZZZ-ZZZZ-ZZZZ-ZZZZ", "/volg/ZZZZ-ZZZZ-ZZZZ-ZZZZ",
            ] {
                guesses.append(try await client.execute(uri: path, method: .get) { $0.head })  // extra slashes change nothing
            }
            #expect(guesses.map(\.status) == [.notFound, .notFound, .tooManyRequests, .tooManyRequests], "each failure costs two")
            #expect(guesses.prefix(2).allSatisfy { $0.headerFields[.cacheControl] == "no-store" })
            let limited = try #require(guesses.first { $0.status == .tooManyRequests }, "guessing runs into the rate limit")
            #expect(Int(limited.headerFields[.retryAfter] ?? "") ?? 0 > 0)
            for secret in [code, code.replacingOccurrences(of: "-", with: ""), "ABCD-EFGH", "ZZZZ-ZZZZ"] {
                #expect(!recorder.text.contains(secret), "a tracking code in the log")
            }
        }
    }

    // 5. Least privilege in PostgreSQL.
    @Test func theDaemonsRoleOwnsNothingAndMayChangeNoSchema() async throws {
        try await withTestDatabase { database in
            try await ConnectionPool.withPool(database: database.appConfiguration) { pool in
                for statement: Query in [
                    "CREATE TABLE signaal.probe (id integer)", "CREATE TABLE public.probe (id integer)", "TRUNCATE signaal.signals",
                    "DROP TABLE signaal.briefs", "ALTER TABLE signaal.signals ADD COLUMN probe integer",
                    "CREATE SCHEMA probe", "DELETE FROM signaal.regions",
                ] {
                    await #expect(throws: PostgresError.self, "\(statement)") {
                        try await pool.withConnection(logger: .test) { try $0.execute(statement) }
                    }
                }
                let owned = try await pool.withConnection(logger: .test) { connection in
                    try connection.fetchOne(
                        """
                        SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid) + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
                        FROM pg_roles AS r WHERE r.rolname = current_user
                        """
                    ).decode(Int.self, at: 0)
                }
                #expect(owned == 0)
            }
            let created = try await self.key(database, platform: "limburg", name: "CAW Limburg")
            let stored = try await database.query("SELECT encode(key_hash, 'hex') FROM signaal.api_keys").first?.decode(String.self, at: 0)
            let digest = SHA256.hash(data: Data(created.key.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(stored == digest, "the daemon hashes the key; the database sees the digest only")
        }
    }
}
