import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// The triage queue's filters, search and pages, the workspace import, the accounts page and the metrics.
@Suite struct WorkspaceQueueTests {
    /// The signal ids a queue page lists, in order.
    static func listed(_ page: String) -> [Int64] {
        page.matches(of: /<a href="\/werkruimte\/signalen\/(\d+)">/).compactMap { Int64($0.1) }
    }

    @Test func theQueueFiltersSearchesInDutchAndPages() async throws {
        try await withTestApplication { client, database in
            var ids: [Int64] = []
            for number in 1...26 {
                ids.append(
                    try await sendSignal(client, postcode: "9000", description: "Het OCMW-loket is dicht op woensdag (\(number)).").id)
            }
            let heating = try await sendSignal(
                client, postcode: "9000", description: "Budgetmeters sluiten af in de winter; gezinnen zitten zonder verwarming.")
            let browser = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "oost-vlaanderen").email)

            let first = try await browser.get(client, "/werkruimte/signalen").1
            #expect(Self.listed(first).count == 25 && Self.listed(first).first == heating.id, "newest first, 25 a page")
            #expect(first.contains("Signalen 1 tot 25 van 27") && first.contains("pagina=2"))
            #expect(Self.listed(try await browser.get(client, "/werkruimte/signalen?pagina=2").1) == [ids[1], ids[0]])

            // Dutch full-text search: "verwarmen" finds "verwarming".
            #expect(Self.listed(try await browser.get(client, "/werkruimte/signalen?zoek=verwarmen").1) == [heating.id])
            #expect(Self.listed(try await browser.get(client, "/werkruimte/signalen?thema=energie-water").1) == [heating.id])

            _ = try await browser.post(client, "/werkruimte/signalen/\(ids[0])/valideren")
            #expect(Self.listed(try await browser.get(client, "/werkruimte/signalen?status=gevalideerd").1) == [ids[0]])
            let received = try await browser.get(client, "/werkruimte/signalen?status=received&pagina=2").1
            #expect(Self.listed(received) == [ids[1]])
            #expect(Self.listed(try await browser.get(client, "/werkruimte/signalen?van=2026-11-26").1).isEmpty, "the period filters")
            let review = Self.listed(try await browser.get(client, "/werkruimte/signalen?needs_review=1").1)
            let unsure = try await database.query(
                "SELECT count(*) FROM signaal.signal_classifications WHERE needs_review")
            #expect(review.count == min(25, try unsure.first?.decode(Int.self, at: 0) ?? -1))
            #expect(!review.contains(heating.id), "a confident classification needs no review")

            // A selection rejected at once, with a reason; without one the queue says so beside the list.
            let none = try await browser.post(
                client, "/werkruimte/signalen/selectie", [("signalen", String(ids[2])), ("actie", "afwijzen")])
            #expect(none.status == .unprocessableContent && none.page.contains("Kies een reden"))
            let rejected = try await browser.post(
                client, "/werkruimte/signalen/selectie",
                [("signalen", String(ids[2])), ("signalen", String(ids[3])), ("actie", "afwijzen"), ("reden", "buiten_werkgebied")])
            #expect(rejected.location == "/werkruimte/signalen?gedaan=selectie&aantal=2")
            let reclassified = try await browser.post(
                client, "/werkruimte/signalen/selectie", [("signalen", String(ids[4])), ("actie", "themas"), ("themes", "duurzaamheid")])
            #expect(reclassified.location == "/werkruimte/signalen?gedaan=selectie&aantal=1")
            #expect(Self.listed(try await browser.get(client, "/werkruimte/signalen?thema=duurzaamheid").1) == [ids[4]])
        }
    }

    @Test func aCoordinatorImportsForTheirPlatformUnderTheirSession() async throws {
        try await withTestApplication { client, database in
            let browser = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "vlaams-brabant").email)
            let (status, page) = try await browser.get(client, "/werkruimte/import")
            #expect(status == .ok && page.contains("action=\"/werkruimte/import\"") && page.contains("name=\"csrf\""))
            let upload = CSVUpload(
                csv: "Beschrijving;Postcode\r\nDe wachtlijst voor een sociale woning duurt tien jaar.;3000\r\nTe kort.;9999\r\n")
            var headers = upload.headers
            headers[.cookie] = browser.cookie
            let refused = try await client.execute(uri: "/werkruimte/import", method: .post, headers: headers, body: upload.body()) {
                $0.status
            }
            #expect(refused == .forbidden, "not without the session's token")
            let dry = try await client.execute(
                uri: "/werkruimte/import", method: .post, headers: headers,
                body: upload.body(formToken: browser.csrf, tokenName: "csrf", dryRun: true)
            ) { String(buffer: $0.body) }
            #expect(dry.contains("Proef, niets geladen") && dry.contains("<td>3</td>"))
            #expect(try await database.count("signaal.signals") == 0)
            let loaded = try await client.execute(
                uri: "/werkruimte/import", method: .post, headers: headers, body: upload.body(formToken: browser.csrf, tokenName: "csrf")
            ) { ($0.status, String(buffer: $0.body)) }
            #expect(loaded.0 == .ok && loaded.1.contains("1 signalen geladen"))
            let origin = try await database.query(
                "SELECT r.code FROM signaal.signals AS s JOIN signaal.regions AS r ON r.id = s.reporting_region_id")
            #expect(try origin.map { try $0.decode(String.self, at: 0) } == ["vlaams-brabant"])
        }
    }

    @Test func anAdminCreatesAndDisablesAccountsAndTheLinkIsShownOnce() async throws {
        try await withTestApplication { client, database in
            let admin = try await StaffBrowser.signIn(client, email: try await database.staff(.admin).email)
            let missing = try await admin.post(
                client, "/werkruimte/medewerkers", [("email", "lies@platform.be"), ("naam", "Lies"), ("rol", "coordinator")])
            #expect(
                missing.status == .unprocessableContent && missing.page.contains("id=\"platform-fout\"")
                    && missing.page.contains("value=\"lies@platform.be\""))
            let created = try await admin.post(
                client, "/werkruimte/medewerkers",
                [("email", "lies@platform.be"), ("naam", "Lies"), ("rol", "coordinator"), ("platform", "limburg")])
            #expect(created.status == .created)
            let link = try #require(created.page.firstMatch(of: /\/werkruimte\/wachtwoord\/([a-z2-7]{32})/)).1
            #expect(!(try await admin.get(client, "/werkruimte/medewerkers").1.contains(String(link))), "shown once")
            let id = try #require(try await database.query("SELECT id FROM signaal.staff_members WHERE email = 'lies@platform.be'").first)
                .decode(Int64.self, at: 0)
            #expect(try await admin.post(client, "/werkruimte/medewerkers/\(id)/uitschakelen").status == .seeOther)
            #expect(try await client.execute(uri: "/werkruimte/wachtwoord/\(link)", method: .get) { $0.status } == .gone)
        }
    }

    @Test func metricsShowTheQueueAndTheTimeToAFirstAction() async throws {
        var configuration = ServerConfiguration()
        configuration.metricsToken = "operator-token-0123456789"
        try await withTestApplication(configuration: configuration) { client, database in
            let signal = try await sendSignal(client, postcode: "8500")
            _ = try await sendSignal(client, postcode: "8500")
            let browser = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "west-vlaanderen").email)
            _ = try await browser.post(client, "/werkruimte/signalen/\(signal.id)/valideren")
            let metrics = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer operator-token-0123456789"]
            ) { String(buffer: $0.body) }
            #expect(metrics.contains(#"signaal_triage_queue_signals{platform="west-vlaanderen",status="received"} 1"#))
            #expect(metrics.contains(#"signaal_triage_queue_signals{platform="west-vlaanderen",status="gevalideerd"} 1"#))
            #expect(metrics.contains(#"signaal_triage_first_action_seconds_count{platform="west-vlaanderen"}"#))
        }
    }
}
