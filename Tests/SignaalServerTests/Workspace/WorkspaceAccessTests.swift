import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalApp
import SignaalStore
import SignaalTesting
import Testing

@testable import SignaalServer

/// Every workspace route against every role, over HTTP with cookies and form tokens as a browser sends them: the
/// rule each route names holds, and a coordinator never reaches another platform's signal.
@Suite struct WorkspaceAccessTests {
    /// The rule each workspace route must have: a route the router has and this table lacks fails the test.
    static let expected: [String: WorkspaceRule] = [
        "GET /werkruimte": .staff,
        "GET /werkruimte/aanmelden": .anyone, "POST /werkruimte/aanmelden": .anyone,
        "GET /werkruimte/afmelden": .staff, "POST /werkruimte/afmelden": .staff,
        "GET /werkruimte/wachtwoord/{token}": .anyone, "POST /werkruimte/wachtwoord/{token}": .anyone,
        "GET /werkruimte/signalen": .readSignals, "GET /werkruimte/signalen/{id}": .readSignals,
        "POST /werkruimte/signalen/selectie": .changeSignals,
        "POST /werkruimte/signalen/{id}/valideren": .changeSignals, "POST /werkruimte/signalen/{id}/afwijzen": .changeSignals,
        "POST /werkruimte/signalen/{id}/dubbel": .changeSignals, "POST /werkruimte/signalen/{id}/themas": .changeSignals,
        "POST /werkruimte/signalen/{id}/afschermen": .changeSignals, "POST /werkruimte/signalen/{id}/doorsturen": .changeSignals,
        "GET /werkruimte/import": .changeSignals, "POST /werkruimte/import": .changeSignals,
        "GET /werkruimte/medewerkers": .manageStaff, "POST /werkruimte/medewerkers": .manageStaff,
        "POST /werkruimte/medewerkers/{id}/uitschakelen": .manageStaff,
        "GET /werkruimte/problemen": .readSignals, "GET /werkruimte/problemen/{code}": .readSignals,
        "POST /werkruimte/problemen/{code}/hernoemen": .curate, "POST /werkruimte/problemen/{code}/samenvoegen": .curate,
        "POST /werkruimte/problemen/{code}/splitsen": .curate, "POST /werkruimte/problemen/{code}/vastzetten": .curate,
        "POST /werkruimte/problemen/{code}/uithalen": .curate,
        "GET /werkruimte/dossiers": .readSignals, "POST /werkruimte/dossiers": .curate, "GET /werkruimte/dossiers/{id}": .readSignals,
        "POST /werkruimte/dossiers/{id}": .curate, "POST /werkruimte/dossiers/{id}/bewijs": .curate,
        "POST /werkruimte/dossiers/{id}/stap": .curate,
        "GET /werkruimte/brieven": .readSignals, "GET /werkruimte/brieven/{id}": .readSignals,
        "GET /werkruimte/brieven/{id}/voorbeeld": .readSignals, "POST /werkruimte/brieven/{id}": .curate,
        "POST /werkruimte/brieven/{id}/publiceren": .curate,
    ]

    /// The workspace routes of the application as built, `METHOD /path`.
    static func workspaceRoutes(_ database: TestDatabase) async throws -> [String] {
        try await ConnectionPool.withPool(database: database.appConfiguration, configuration: .init(maximumConnections: 2)) { pool in
            let configuration = ServerConfiguration().pinned
            let useCases = try await UseCases(configuration: configuration, pool: pool, logger: .test)
            let router = try await buildRouter(
                configuration: configuration, pool: pool, migrator: try Migrator(directory: TestPostgres.sqlDirectory), useCases: useCases)
            return router.routes.map { "\($0.method.rawValue) /" + $0.path.components.map(\.description).joined(separator: "/") }
                .filter { $0.contains(" /werkruimte") }
        }
    }

    @Test func everyWorkspaceRouteHasARuleAndEveryRoleGetsWhatItSays() async throws {
        try await withTestApplication { client, database in
            let routes = try await Self.workspaceRoutes(database)
            #expect(
                Set(routes) == Set(Self.expected.keys), "routes without an expected rule: \(Set(routes).subtracting(Self.expected.keys))")
            let own = try await sendSignal(client, postcode: "9000")
            let other = try await sendSignal(
                client, postcode: "2000", description: "In Antwerpen wachten gezinnen acht jaar op een sociale woning; de lijst groeit.")
            let people: [StaffMember.Role: StaffMember] = [
                .coordinator: try await database.staff(.coordinator, platform: "oost-vlaanderen"),
                .policy: try await database.staff(.policy), .admin: try await database.staff(.admin),
                .flemish: try await database.staff(.flemish),
            ]
            let target = try await database.staff(.policy)
            var browsers: [StaffMember.Role: StaffBrowser] = [:]
            for (role, member) in people { browsers[role] = try await StaffBrowser.signIn(client, email: member.email) }

            for route in routes.sorted() {
                let rule = try #require(Self.expected[route])
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = String(parts[0])
                func uri(_ signal: Int64) -> String {
                    String(parts[1]).replacingOccurrences(of: "{token}", with: "abcdefghijklmnopqrstuvwxyz234567")
                        .replacingOccurrences(of: "{id}", with: route.contains("medewerkers") ? String(target.id) : String(signal))
                        .replacingOccurrences(of: "{code}", with: "P0001")
                }
                // Without a session: the sign-in page for a GET, 401 for a POST; sign-in and the password link are open.
                let anonymous = try await client.execute(uri: uri(own.id), method: method == "GET" ? .get : .post, headers: formHeaders) {
                    $0.head
                }
                if rule == .anyone {
                    #expect(![.unauthorized, .forbidden, .seeOther].contains(anonymous.status) || route.contains("aanmelden"), "\(route)")
                    continue
                }
                if method == "GET" {
                    #expect(anonymous.status == .seeOther, "\(route) anonymous")
                    #expect(anonymous.headerFields[.location]?.hasPrefix("/werkruimte/aanmelden?terug=") == true, "\(route)")
                } else {
                    #expect(anonymous.status == .unauthorized, "\(route) anonymous")
                }
                for (role, member) in people {
                    let browser = try #require(browsers[role])
                    let status =
                        method == "GET"
                        ? try await browser.get(client, uri(own.id)).0 : try await browser.post(client, uri(own.id), [("reden", "")]).status
                    if rule.roles.contains(role) {
                        #expect(![.unauthorized, .forbidden].contains(status), "\(route) as \(role): \(status)")
                    } else {
                        #expect(status == .forbidden, "\(route) as \(role): \(status)")
                    }
                    if route.contains("/signalen/{id}"), rule.roles.contains(role) {
                        let (status, page) =
                            method == "GET"
                            ? try await browser.get(client, uri(other.id))
                            : try await {
                                let r = try await browser.post(client, uri(other.id), [("reden", "")])
                                return (r.status, r.page)
                            }()
                        if role == .coordinator {
                            #expect(status == .notFound, "\(route) of another platform as coordinator: \(status)")
                            #expect(!page.contains("Antwerpen wachten"), "never its content")
                        } else {
                            #expect(status == .ok, "policy staff read every platform: \(route) \(status)")
                        }
                    }
                    if route == "POST /werkruimte/afmelden" { browsers[role] = try await StaffBrowser.signIn(client, email: member.email) }
                }
            }
            let untouched = try await database.query("SELECT count(*) FROM signaal.signal_events WHERE signal_id = \(other.id)")
            #expect(try untouched.first?.decode(Int.self, at: 0) == 0, "nothing happened to the other platform's signal")
        }
    }

    @Test func aCoordinatorSeesAndChangesOnlyTheirPlatformAndPolicyStaffReadEverything() async throws {
        try await withTestApplication { client, database in
            let own = try await sendSignal(client, postcode: "9000")
            let other = try await sendSignal(
                client, postcode: "1000", description: "In Brussel sluit het OCMW-loket om twaalf uur; werkende mensen geraken er niet.")
            let coordinator = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "oost-vlaanderen").email)
            let queue = try await coordinator.get(client, "/werkruimte/signalen").1
            #expect(queue.contains("/werkruimte/signalen/\(own.id)\"") && !queue.contains("/werkruimte/signalen/\(other.id)\""))
            let both = try await coordinator.post(
                client, "/werkruimte/signalen/selectie",
                [
                    ("signalen", String(own.id)), ("signalen", String(other.id)), ("actie", "valideren"),
                ])
            #expect(both.status == .seeOther && both.location == "/werkruimte/signalen?gedaan=selectie&aantal=1")
            let statuses = try await database.query(
                "SELECT s.id, st.code FROM signaal.signals AS s JOIN signaal.signal_statuses AS st ON st.id = s.status_id ORDER BY s.id")
            #expect(try statuses.map { try $0.decode(String.self, at: 1) } == ["gevalideerd", "received"])

            let policy = try await StaffBrowser.signIn(client, email: try await database.staff(.policy).email)
            let everything = try await policy.get(client, "/werkruimte/signalen").1
            #expect(everything.contains("/werkruimte/signalen/\(own.id)\"") && everything.contains("/werkruimte/signalen/\(other.id)\""))
            #expect(!everything.contains("name=\"actie\""), "policy staff get no actions")
            #expect(try await policy.post(client, "/werkruimte/signalen/\(other.id)/valideren").status == .forbidden)
            let admin = try await StaffBrowser.signIn(client, email: try await database.staff(.admin).email)
            #expect(try await admin.get(client, "/werkruimte/signalen").0 == .forbidden, "admins manage accounts, not signals")
        }
    }
}
