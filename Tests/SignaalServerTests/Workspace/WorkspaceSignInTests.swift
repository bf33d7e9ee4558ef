import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalApp
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Staff accounts, password links, sign-in, throttling and sessions, over HTTP against a real PostgreSQL.
@Suite struct WorkspaceSignInTests {
    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func aPasswordLinkSetsABcryptPasswordOnceAndNoSecretIsKept() async throws {
        let recorder = LogRecorder()
        try await withTestApplication(logger: Logger(label: "test") { _ in recorder }) { client, database in
            let store = StaffStore(pool: database.pool)
            let (member, secret) = try await store.create(
                email: "An.Peeters@platform.be", name: "An Peeters", role: .coordinator, platform: "oost-vlaanderen", now: testNow,
                logger: .test)
            let path = StaffAccounts.linkPath(secret)
            let (form, cookie) = try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Welkom, An Peeters"))
                let token = try #require(page.firstMatch(of: /name="form_token" value="([0-9a-f]{64})"/)).1
                return (String(token), String(try #require(response.headers[.setCookie]?.split(separator: ";").first)))
            }
            var headers = formHeaders
            headers[.cookie] = cookie
            func post(_ password: String, _ repeated: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: path, method: .post, headers: headers,
                    body: formBody([("form_token", form), ("wachtwoord", password), ("wachtwoord_herhaling", repeated)])
                ) { ($0.status, String(buffer: $0.body)) }
            }
            let short = try await post("kort", "kort")
            #expect(short.0 == .unprocessableContent && short.1.contains("minstens 12 tekens"))
            let different = try await post("een lange zin als wachtwoord", "een andere zin als wachtwoord")
            #expect(different.0 == .unprocessableContent && different.1.contains("niet gelijk"))
            #expect(try await post(testPassword, testPassword).0 == .seeOther)
            #expect(try await post(testPassword, testPassword).0 == .gone, "a link works once")
            #expect(try await client.execute(uri: path, method: .get) { $0.status } == .gone)

            let stored = try #require(
                try await database.query("SELECT password_hash FROM signaal.staff_members WHERE id = \(member.id)").first)
            #expect(try stored.decode(String.self, at: 0).hasPrefix("$2b$12$"), "bcrypt at cost 12")
            let tokens = try await database.query("SELECT encode(token_hash, 'hex') FROM signaal.staff_password_tokens")
            #expect(try tokens.map { try $0.decode(String.self, at: 0) } == [Self.sha256(secret)], "only the link's hash is kept")
            #expect(!recorder.text.contains(secret) && !recorder.text.contains(testPassword), "neither link nor password is logged")

            // A link older than 72 hours no longer works.
            let (_, old) = try await store.create(
                email: "oud@platform.be", name: "Oud", role: .policy, platform: nil, now: testNow.addingTimeInterval(-73 * 3600),
                logger: .test)
            #expect(try await client.execute(uri: StaffAccounts.linkPath(old), method: .get) { $0.status } == .gone)
        }
    }

    @Test func signingInSetsAStrictSessionCookieOfWhichOnlyTheHashIsKept() async throws {
        try await withTestApplication { client, database in
            let member = try await database.staff(.coordinator, platform: "limburg")
            let browser = try await StaffBrowser.signIn(client, email: member.email.uppercased())
            let id = String(browser.cookie.dropFirst("signaal_sessie=".count))
            let sessions = try await database.query("SELECT encode(session_hash, 'hex') FROM signaal.staff_sessions")
            #expect(try sessions.map { try $0.decode(String.self, at: 0) } == [Self.sha256(id)])
            let setCookie = try await Self.sessionCookieHeader(client, email: member.email)
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/werkruimte"))
            #expect(!setCookie.contains("Secure"), "plain http: no Secure flag")
            let (status, page) = try await browser.get(client, "/werkruimte/signalen")
            #expect(status == .ok && page.contains("Aangemeld als Test Coördinator"))
        }
        var https = ServerConfiguration()
        https.publicURL = URL(string: "https://signaal.example.be")
        try await withTestApplication(configuration: https) { client, database in
            let member = try await database.staff(.policy)
            #expect(try await Self.sessionCookieHeader(client, email: member.email).contains("Secure"))
        }
    }

    static func sessionCookieHeader(_ client: some TestClientProtocol, email: String) async throws -> String {
        try #require(try await StaffBrowser.signInForm(client, email: email, password: testPassword).setCookie)
    }

    @Test func wrongPasswordsAndUnknownAddressesGetOneAnswerAndAreSlowedDown() async throws {
        try await withTestApplication { client, database in
            let member = try await database.staff(.coordinator, platform: "antwerpen")
            func attempt(_ email: String, _ password: String) async throws -> (HTTPResponse.Status, String) {
                let answer = try await StaffBrowser.signInForm(client, email: email, password: password)
                return (answer.status, try #require(answer.error))
            }
            let wrong = try await attempt(member.email, "niet het wachtwoord")
            let unknown = try await attempt("niemand@platform.be", "niet het wachtwoord")
            #expect(wrong.0 == .unauthorized && wrong == unknown, "the same answer whether the address exists or not")
            for _ in 0..<3 { _ = try await attempt(member.email, "nog steeds fout") }
            // Five failures from this client: the right password is refused too, for 15 minutes, for any address.
            let throttled = try await attempt(member.email, testPassword)
            #expect(throttled.0 == .tooManyRequests && throttled.1.contains("15 minuten"))
            #expect(try await attempt("niemand@platform.be", "x") == throttled)
            #expect(try await database.count("signaal.staff_sessions") == 0)
        }
    }

    @Test func failuresCountPerAccountAndPerClientForEveryDaemonAlike() async throws {
        try await withTestDatabase { database in
            let member = try await database.staff(.coordinator, platform: "brussel")
            let other = try await database.staff(.policy)
            func daemon(at minutes: Double) -> StaffSignIn {
                let clock = CalendarClock.fixed(
                    testNow.addingTimeInterval(minutes * 60), timeZone: TimeZone(identifier: "Europe/Brussels")!)
                return StaffSignIn(sessions: StaffSessionStore(pool: database.pool), staff: StaffStore(pool: database.pool), clock: clock)
            }
            // Per account: five failures from five clients, then a sixth client with the right password is refused.
            for client in 1...5 {
                #expect(
                    try await daemon(at: 0).signIn(email: member.email, password: "fout", client: "10.0.0.\(client)", logger: .test)
                        == .refused)
            }
            #expect(
                try await daemon(at: 1).signIn(email: member.email, password: testPassword, client: "10.0.0.9", logger: .test) == .throttled
            )
            // Per client: five addresses guessed from one client; that client is refused for the other account too.
            for guess in 1...5 {
                _ = try await daemon(at: 0).signIn(email: "gok\(guess)@platform.be", password: "fout", client: "10.0.1.1", logger: .test)
            }
            #expect(
                try await daemon(at: 1).signIn(email: other.email, password: testPassword, client: "10.0.1.1", logger: .test) == .throttled)
            guard
                case .signedIn = try await daemon(at: 1).signIn(
                    email: other.email, password: testPassword, client: "10.0.1.2", logger: .test)
            else {
                Issue.record("another client signs in")
                return
            }
            // After 15 minutes the account signs in again.
            guard
                case .signedIn = try await daemon(at: 16).signIn(
                    email: member.email, password: testPassword, client: "10.0.0.9", logger: .test)
            else {
                Issue.record("the throttle lasts 15 minutes")
                return
            }
        }
    }

    @Test func sessionsEndAfterEightIdleHoursOrSevenDaysAndSurviveARestart() async throws {
        try await withTestDatabase { database in
            let member = try await database.staff(.policy)
            func daemon(at hours: Double) -> StaffSignIn {
                let clock = CalendarClock.fixed(
                    testNow.addingTimeInterval(hours * 3600), timeZone: TimeZone(identifier: "Europe/Brussels")!)
                return StaffSignIn(sessions: StaffSessionStore(pool: database.pool), staff: StaffStore(pool: database.pool), clock: clock)
            }
            guard
                case .signedIn(let session, _) = try await daemon(at: 0).signIn(
                    email: member.email, password: testPassword, client: nil, logger: .test)
            else {
                Issue.record("signs in")
                return
            }
            // Another daemon (or this one after a restart) knows the session from the database.
            let restarted = try await ConnectionPool.withPool(database: database.configuration, configuration: .init(maximumConnections: 1))
            {
                pool in
                try await StaffSignIn(
                    sessions: StaffSessionStore(pool: pool), staff: StaffStore(pool: pool),
                    clock: .fixed(testNow.addingTimeInterval(3600), timeZone: TimeZone(identifier: "Europe/Brussels")!)
                ).member(ofSession: session, logger: .test)
            }
            #expect(restarted?.id == member.id)
            // Used every 7 hours it lives on, up to 7 days; idle for more than 8 hours it ends.
            for hours in stride(from: 8.0, through: 162, by: 7) {
                #expect(try await daemon(at: hours).member(ofSession: session, logger: .test)?.id == member.id, "alive at \(hours) h")
            }
            #expect(try await daemon(at: 169).member(ofSession: session, logger: .test) == nil, "at most 7 days")
            guard
                case .signedIn(let idle, _) = try await daemon(at: 0).signIn(
                    email: member.email, password: testPassword, client: nil, logger: .test)
            else {
                Issue.record("signs in")
                return
            }
            #expect(try await daemon(at: 7.9).member(ofSession: idle, logger: .test) != nil)
            #expect(try await daemon(at: 16).member(ofSession: idle, logger: .test) == nil, "8 hours idle")
        }
    }

    @Test func disablingAnAccountOrSigningOutEndsItsSessionAtOnce() async throws {
        try await withTestApplication { client, database in
            let member = try await database.staff(.coordinator, platform: "west-vlaanderen")
            let browser = try await StaffBrowser.signIn(client, email: member.email)
            #expect(try await browser.get(client, "/werkruimte/signalen").0 == .ok)
            #expect(try await StaffStore(pool: database.pool).disable(id: member.id, now: testNow, logger: .test))
            let after = try await client.execute(uri: "/werkruimte/signalen", method: .get, headers: browser.headers) { $0.head }
            #expect(after.status == .seeOther && after.headerFields[.location]?.hasPrefix("/werkruimte/aanmelden") == true)
            #expect(try await StaffBrowser.attempt(client, email: member.email, password: testPassword).0 == .unauthorized)

            let colleague = try await database.staff(.coordinator, platform: "west-vlaanderen")
            let signedIn = try await StaffBrowser.signIn(client, email: colleague.email)
            #expect(try await signedIn.post(client, "/werkruimte/afmelden", csrf: "0").status == .forbidden, "sign-out needs the token")
            let third = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "west-vlaanderen").email)
            #expect(
                try await third.post(client, "/werkruimte/afmelden", csrf: signedIn.csrf).status == .forbidden,
                "a token is bound to its session")
            let out = try await signedIn.post(client, "/werkruimte/afmelden")
            #expect(out.status == .seeOther && out.location == "/werkruimte/aanmelden?gedaan=afgemeld")
            #expect(try await signedIn.get(client, "/werkruimte/signalen").0 == .seeOther)
            #expect(try await database.count("signaal.staff_sessions") == 1, "only the third session is left")
        }
    }
}
