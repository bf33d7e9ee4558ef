import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalApp
import SignaalServer
import SignaalStore
import SignaalTesting
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension SecurityTests {
    // 4. Authenticate before reading a body.
    @Test func theImportAsksForTheKeyFirstAndABrowserForItsFormToken() async throws {
        try await withTestApplication { client, database in
            let key = try await self.key(database, platform: "brussel", name: "Brussels platform").key
            let upload = CSVUpload(csv: "Beschrijving;Postcode\r\nDe wachtlijst voor een sociale woning is meer dan tien jaar.;1000\r\n")

            let anonymous = try await client.execute(uri: "/import", method: .post, headers: upload.headers, body: upload.body()) {
                $0.head
            }
            #expect(anonymous.status == .unauthorized && anonymous.headerFields[.wwwAuthenticate]?.hasPrefix("Basic") == true)

            let basic = "Basic " + Data(":\(key)".utf8).base64EncodedString()
            var browser = upload.headers
            browser[.authorization] = basic
            let withoutToken = try await client.execute(uri: "/import", method: .post, headers: browser, body: upload.body()) { $0.status }
            #expect(withoutToken == .forbidden, "a browser's repeated credentials alone are not enough")

            // A browser first posts without credentials, gets the 401 page, and repeats the post with them: the 401
            // keeps the cookie the post's token is bound to.
            let (token, cookie) = try await client.execute(uri: "/import", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("name=\"api_key\""), "the key is never a form field")
                let token = try #require(page.firstMatch(of: /name="form_token" value="([0-9a-f]{64})"/)).1
                return (String(token), String(try #require(response.headers[.setCookie]?.split(separator: ";").first)))
            }
            var unauthenticated = upload.headers
            unauthenticated[.cookie] = cookie
            let challenge = try await client.execute(
                uri: "/import", method: .post, headers: unauthenticated, body: upload.body(formToken: token)
            ) {
                $0.head
            }
            #expect(challenge.status == .unauthorized)
            #expect(challenge.headerFields[.setCookie]?.split(separator: ";").first.map(String.init) == cookie)
            browser[.cookie] = cookie
            let accepted = try await client.execute(uri: "/import", method: .post, headers: browser, body: upload.body(formToken: token)) {
                $0.status
            }
            #expect(accepted == .ok)
            #expect(try await database.count("signaal.signals") == 1)
        }
    }

    @Test func anAnonymousUploadOf32MiBDoesNotGrowTheDaemon() async throws {
        try await withTestDatabase { database in
            let daemon = try SignaalDaemon(
                arguments: ["serve"],
                environment: [
                    "DATABASE_URL": try #require(database.appConfiguration.connectionString),
                    "SIGNAAL_MIGRATION_DATABASE_URL": try #require(database.configuration.connectionString),
                    "SIGNAAL_SQL_DIRECTORY": TestPostgres.sqlDirectory, "SIGNAAL_RATE_LIMIT": "0", "LOG_LEVEL": "warning",
                    "SIGNAAL_DATA_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)").path,
                ])
            defer { _ = daemon.stop() }
            #expect(await daemon.waitUntilReady())
            let served = try await database.query(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = 'signaal_app'")
            #expect(try served.first?.decode(Int.self, at: 0) ?? 0 > 0, "serve connects as signaal_app")
            let port = daemon.port
            func post(_ size: Int) async throws -> Int {
                try await Task.detached {
                    try RawHTTPClient(port: port, seconds: 10).post(
                        path: "/import", contentType: "multipart/form-data; boundary=grens", size: size)
                }.value
            }
            #expect(try await post(1024) == 401)  // warms up the route, its page and the connection
            let before = try Self.peakMemory(of: daemon.process.processIdentifier)
            #expect(try await post(32 * 1024 * 1024) == 401)
            let after = try Self.peakMemory(of: daemon.process.processIdentifier)
            #expect(after - before < 8 * 1024 * 1024, "peak memory rose by \(after - before) bytes")
        }
    }

    /// A process's peak resident memory (`VmHWM`), in bytes.
    static func peakMemory(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])) * 1024
    }

    // 6. One public URL.
    @Test func thePublicURLIsTheOnlyBaseAndHTTPSHardensTheCookie() async throws {
        var configuration = ServerConfiguration()
        configuration.publicURL = URL(string: "https://signaal.example.be")
        try await withTestApplication(configuration: configuration) { client, _ in
            let forged: HTTPFields = [
                HTTPField.Name("Host")!: "aanvaller.example", HTTPField.Name("X-Forwarded-Host")!: "aanvaller.example",
            ]
            let form = try await client.execute(uri: "/", method: .get, headers: forged) { $0.head }
            let cookie = try #require(form.headerFields[.setCookie])
            #expect(cookie.hasPrefix("__Host-signaal_formulier=") && cookie.contains("Secure") && cookie.contains("Path=/"))
            #expect(cookie.contains("HttpOnly") && !cookie.contains("Domain"))
            #expect(form.headerFields[HTTPField.Name("Strict-Transport-Security")!]?.hasPrefix("max-age=") == true)
            let feed = try await client.execute(uri: "/briefs/feed.atom", method: .get, headers: forged) { String(buffer: $0.body) }
            #expect(feed.contains("https://signaal.example.be/briefs") && !feed.contains("aanvaller"))

            let session = try await FormSession.open(client)
            let description = ("description", "Wachtlijst voor een sociale woning van acht jaar in Gent.")
            let receipt = try await client.execute(
                uri: "/", method: .post, headers: session.headers, body: session.body([description, ("postcode", "9000")])
            ) { String(buffer: $0.body) }
            #expect(receipt.contains("href=\"https://signaal.example.be/volg/"), "the receipt's link is under the public URL")

            // A cookie planted by someone else (or another visit's) does not match the page's token.
            let planted = FormSession(token: session.token, cookie: "__Host-signaal_formulier=0123456789abcdef0123456789abcdef")
            let refused = try await client.execute(
                uri: "/", method: .post, headers: planted.headers, body: planted.body([description, ("postcode", "9000")])
            ) { $0.status }
            #expect(refused == .forbidden)
        }
        try await withTestApplication { client, _ in
            let form = try await client.execute(uri: "/", method: .get) { $0.head }
            #expect(
                form.headerFields[.setCookie]?.hasPrefix("signaal_formulier=") == true
                    && form.headerFields[.setCookie]?.contains("Secure") == false)
            #expect(form.headerFields[HTTPField.Name("Strict-Transport-Security")!] == nil, "no HSTS over plain http")
        }
    }

    // 7. Operations endpoints.
    @Test func operationsEndpointsSayNothingBeyondStatusWithoutTheToken() async throws {
        var configuration = ServerConfiguration()
        configuration.metricsToken = "metriek-geheim-1"
        try await withTestApplication(configuration: configuration) { client, _ in
            #expect(try await client.execute(uri: "/metrics", method: .get) { $0.status } == .notFound)
            let wrong: HTTPFields = [.authorization: "Bearer metriek-geheim-2"]
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: wrong) { $0.status } == .notFound)
            let right: HTTPFields = [.authorization: "Bearer metriek-geheim-1"]
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: right) { $0.status } == .ok)
            for path in ["/healthz", "/readyz"] {
                let anonymous = try await client.execute(uri: path, method: .get) { try jsonObject($0.body) }
                #expect(Array(anonymous.keys) == ["status"], "\(path) says only its status")
            }
            let detailed = try await client.execute(uri: "/readyz", method: .get, headers: right) { try jsonObject($0.body) }
            #expect(detailed["migrations"] as? String == "current")
        }
        try await withTestApplication(configuration: ServerConfiguration(port: 0), setup: .live) { client, _ in
            let status = try await client.execute(uri: "/metrics", method: .get) { $0.status }
            #expect(status == .ok, "without a token: loopback only")
            let proxied = try await client.execute(
                uri: "/metrics", method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7"]
            ) { $0.status }
            #expect(proxied == .notFound, "a client behind a proxy on this machine is not the operator")
        }
    }

    // 8. Slow clients and floods.
    @Test func anIdleConnectionIsClosed() async throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.idleTimeout = .seconds(1)
        try await withTestApplication(configuration: configuration, setup: .live) { client, _ in
            let port = try #require(client.port)
            let started = ContinuousClock.now
            let closed = try await Task.detached { try RawHTTPClient(port: port, seconds: 10).waitForClose() }.value
            #expect(closed, "a client that sends nothing is disconnected")
            #expect(ContinuousClock.now - started < .seconds(8))
        }
    }

    @Test func refusedKeysCountTwiceAndIPv6ClientsAreCountedPer64() async throws {
        var configuration = ServerConfiguration(port: 0, rateLimitPerMinute: 3, trustedProxies: ["127.0.0.1"])
        configuration.metricsToken = nil
        try await withTestApplication(configuration: configuration, setup: .live) { client, _ in
            func export(from address: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/api/v1/signals.json", method: .get,
                    headers: [.authorization: "Bearer sgn_geraden", HTTPField.Name("X-Forwarded-For")!: address]
                ) { $0.status }
            }
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<3 { statuses.append(try await export(from: "2001:db8:1:2::1")) }
            #expect(statuses == [.unauthorized, .unauthorized, .tooManyRequests], "a refused key costs two of three tokens")
            #expect(try await export(from: "2001:db8:1:2:ffff:ffff:ffff:ffff") == .tooManyRequests, "the same /64")
            #expect(try await export(from: "2001:db8:1:3::1") == .unauthorized, "another /64")
        }
    }

    @Test func refusedKeysAndExportsAreSecurityEventsWithoutSecrets() async throws {
        let recorder = LogRecorder()
        try await withTestApplication(logger: Logger(label: "test") { _ in recorder }) { client, database in
            let created = try await self.key(database, platform: "limburg", name: "CAW Limburg")
            let refused = try await client.execute(
                uri: "/api/v1/signals.csv", method: .get, headers: [.authorization: "Bearer sgn_geradenmaarfout"]
            ) { $0.status }
            #expect(refused == .unauthorized)
            _ = try await client.execute(uri: "/api/v1/signals.csv", method: .get, headers: [.authorization: "Bearer \(created.key)"]) {
                $0.status
            }
            let lines = recorder.lines.withLock { $0 }
            #expect(lines.contains { $0.contains("key_refused") && $0.contains("/api/v1/signals.csv") && $0.contains("client.address") })
            #expect(lines.contains { $0.contains("signals exported") && $0.contains("\"api_key.id\": \(created.record.id)") })
            #expect(!recorder.text.contains("sgn_geradenmaarfout") && !recorder.text.contains(created.key))
        }
    }

    // 9. Retention the form promises.
    @Test func contactAddressesGoAfterTheRetentionPeriodOnceADay() async throws {
        try await withTestApplication { client, database in
            var codes: [String] = []
            for postcode in ["9000", "2000"] {
                codes.append(try #require(try await self.submit(client, postcode: postcode).1["tracking_code"] as? String))
            }
            _ = try await database.query(
                """
                UPDATE signaal.contact_emails AS e SET created_at = CASE s.tracking_code WHEN \(codes[0]) THEN timestamptz '2025-10-01T10:00:00Z'
                ELSE timestamptz '2026-11-15T10:00:00Z' END FROM signaal.signals AS s WHERE s.id = e.signal_id
                """)
            _ = try await database.query(
                "INSERT INTO signaal.briefs (scope, period, version, trigger, model) VALUES ('vlaanderen', '2026-10', 1, 'requested', '{}')"
            )
            _ = try await database.query(
                "INSERT INTO signaal.feedback_notices (signal_id, brief_id) SELECT s.id, b.id FROM signaal.signals AS s, signaal.briefs AS b"
            )
            let job = ContactRetentionService(store: SignalStore(pool: database.pool), clock: testClock, days: 365, logger: .test)
            #expect(try await job.runOnce() == 1)
            #expect(try await job.runOnce() == nil, "once a day, however many daemons ask")
            #expect(try await database.count("signaal.contact_emails") == 1)
            #expect(try await database.count("signaal.feedback_notices") == 1, "the notice waiting for the deleted address went too")

            let kept = try await client.execute(uri: "/volg/\(codes[1])", method: .get) { String(buffer: $0.body) }
            #expect(kept.contains("gewist op 15/11/2027"))
            let gone = try await client.execute(uri: "/volg/\(codes[0])", method: .get) { String(buffer: $0.body) }
            #expect(!gone.contains("Je e-mailadres"))
        }
    }
}

/// A multipart upload of one CSV file, with the form token when a browser sends it.
struct CSVUpload {
    let csv: String
    let boundary = "grens"

    var headers: HTTPFields { [.contentType: "multipart/form-data; boundary=\(self.boundary)"] }

    func body(formToken: String? = nil, tokenName: String = "form_token", dryRun: Bool = false) -> ByteBuffer {
        var body = ""
        if let formToken { body += "--\(self.boundary)\r\nContent-Disposition: form-data; name=\"\(tokenName)\"\r\n\r\n\(formToken)\r\n" }
        if dryRun { body += "--\(self.boundary)\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n" }
        body += "--\(self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        return ByteBuffer(string: body + self.csv + "\r\n--\(self.boundary)--\r\n")
    }
}
