import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignaalApp
import SignaalBriefs
import SignaalCluster
import SignaalCore
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Dossiers over HTTP: made from a recurring problem, written, taken through their life, public once presented,
/// heard back by every contributor.
@Suite struct DossierTests {
    /// Four signals about one problem in Oost-Vlaanderen, reclustered: their ids and the problem's code.
    static func problem(_ client: some TestClientProtocol, _ database: TestDatabase) async throws -> (ids: [Int64], code: String) {
        var ids: [Int64] = []
        for text in ProblemCurationTests.topics["budget"]! {
            ids.append(try await sendSignal(client, postcode: "9000", description: text).id)
        }
        let codes = try await ProblemCurationTests.recluster(database)
        return (ids, try #require(codes[ids[0]]))
    }

    @Test func aDossierGoesFromOpenToFollowedUpAndEveryoneHearsBack() async throws {
        try await withTestApplication { client, database in
            let (ids, code) = try await Self.problem(client, database)
            let coordinator = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "oost-vlaanderen").email)
            let made = try await coordinator.post(
                client, "/werkruimte/dossiers", [("titel", "Budgetmeters in de winter"), ("probleem", code)])
            let id = String(try #require(made.location?.firstMatch(of: /dossiers\/(\d+)/)).1)
            let page = "/werkruimte/dossiers/\(id)"
            #expect(try await database.count("signaal.dossier_signals") == 4)

            let saved = try await coordinator.post(
                client, page,
                [
                    ("titel", "Budgetmeters sluiten af in de winter"),
                    ("probleem", "Gezinnen met een budgetmeter zitten in de winter zonder verwarming."),
                    ("getroffen", "Gezinnen met een laag inkomen"), ("oorzaak", "De afsluiting bij een leeg krediet"),
                    ("beschrijving", "Neutraal."),
                    ("vraag", "Verbied het afsluiten in de winter."), ("criterium_duidelijk", "1"),
                    ("motivatie_duidelijk", "Eén probleem, één oorzaak"),
                    ("beleidsniveaus", "vlaams"), ("adressaat", "Vlaams minister van Energie"), ("krachtlijnen", "politiserend"),
                ])
            #expect(saved.status == .seeOther)
            let stored = try await database.query("SELECT ask, is_clear, policy_levels, addressee FROM analytics.dossiers WHERE id = \(id)")
            #expect(
                try stored.first?.decode(String.self, at: 0) == "Verbied het afsluiten in de winter."
                    && stored.first?.decode(Bool.self, at: 1) == true)

            // Not public before it is presented; a step the life does not allow is refused.
            #expect(try await client.execute(uri: "/dossiers/\(id)", method: .get) { $0.status } == .notFound)
            #expect(
                try await coordinator.post(client, page + "/stap", [("toestand", "voorgelegd"), ("aan", "Minister")]).status
                    == .unprocessableContent)
            #expect(try await coordinator.post(client, page + "/stap", [("toestand", "klaar_voor_beleid")]).status == .seeOther)
            let unnamed = try await coordinator.post(client, page + "/stap", [("toestand", "voorgelegd")])
            #expect(unnamed.status == .unprocessableContent && unnamed.page.contains("aan wie"))
            #expect(
                try await coordinator.post(
                    client, page + "/stap",
                    [
                        ("toestand", "voorgelegd"), ("aan", "Vlaams minister van Energie"), ("datum", "2026-11-20"), ("hoe", "Overleg"),
                    ]
                ).status == .seeOther)
            #expect(
                try await coordinator.post(
                    client, page + "/stap",
                    [
                        ("toestand", "antwoord_ontvangen"), ("antwoord", "De minister onderzoekt een winterstop."),
                        ("link", "https://example.be/antwoord"),
                    ]
                ).status == .seeOther)

            let publicPage = try await client.execute(uri: "/dossiers/\(id)", method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(
                publicPage.0 == .ok && publicPage.1.contains("Verbied het afsluiten in de winter.")
                    && publicPage.1.contains("De minister onderzoekt"))
            #expect(!publicPage.1.contains("Gezinnen met een budgetmeter zitten in de winter zonder verwarming omdat"), "no signal text")
            #expect(!publicPage.1.contains("Test Coördinator"), "no staff names")
            let feed = try await client.execute(uri: "/dossiers/feed.atom", method: .get) { String(buffer: $0.body) }
            #expect(feed.contains("Budgetmeters sluiten af in de winter: Antwoord ontvangen") && feed.contains("/dossiers/\(id)"))

            // Every contributor with a contact address hears of each step: ready, presented, answered.
            #expect(try await database.count("signaal.feedback_notices") == 3 * ids.count)
            let trackingCode = try #require(
                try await database.query("SELECT tracking_code FROM signaal.signals WHERE id = \(ids[0])").first
            ).decode(String.self, at: 0)
            let followed = try await client.execute(uri: "/volg/\(trackingCode)", method: .get) { String(buffer: $0.body) }
            #expect(
                followed.contains("Budgetmeters sluiten af in de winter — Antwoord ontvangen")
                    && followed.contains("De minister onderzoekt"))

            #expect(
                try await coordinator.post(client, page + "/stap", [("toestand", "opgevolgd"), ("opvolging", "Niets veranderde.")]).status
                    == .seeOther)
            #expect(try await coordinator.post(client, page + "/stap", [("toestand", "open")]).status == .seeOther, "reopened")
            let states = try await database.query("SELECT state FROM analytics.dossier_events WHERE dossier_id = \(id) ORDER BY id")
            #expect(
                try states.map { try $0.decode(String.self, at: 0) } == [
                    "open", "klaar_voor_beleid", "voorgelegd", "antwoord_ontvangen", "opgevolgd", "open",
                ])
            await #expect(throws: PostgresError.self) { _ = try await database.query("UPDATE signaal.dossier_events SET state = 'open'") }

            // A new signal of the problem is proposed, not added; the coordinator adds it.
            let late = try await sendSignal(
                client, postcode: "9000", description: "De budgetmeter sluit af in de winter; het gezin zit zonder verwarming."
            ).id
            _ = try await ProblemCurationTests.recluster(database)
            let shown = try await coordinator.get(client, page).1
            #expect(shown.contains("id=\"bij-\(late)\""))
            #expect(try await database.count("signaal.dossier_signals") == 4)
            #expect(try await coordinator.post(client, page + "/bewijs", [("toevoegen", String(late))]).status == .seeOther)
            #expect(try await database.count("signaal.dossier_signals") == 5)

            let elsewhere = try await StaffBrowser.signIn(client, email: try await database.staff(.coordinator, platform: "limburg").email)
            #expect(try await elsewhere.get(client, page).0 == .notFound, "another platform's dossier does not exist for them")
            let policy = try await StaffBrowser.signIn(client, email: try await database.staff(.policy).email)
            #expect(try await policy.get(client, page).0 == .ok)
            #expect(try await policy.post(client, page + "/stap", [("toestand", "klaar_voor_beleid")]).status == .forbidden)
        }
    }

    @Test func aFlemishDossierGathersThePlatformsDossiersAndTheirEvidence() async throws {
        try await withTestApplication { client, database in
            let (ids, code) = try await Self.problem(client, database)
            let coordinator = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "oost-vlaanderen").email)
            let made = try await coordinator.post(
                client, "/werkruimte/dossiers", [("titel", "Budgetmeters in Oost-Vlaanderen"), ("probleem", code)])
            let platformDossier = String(try #require(made.location?.firstMatch(of: /dossiers\/(\d+)/)).1)
            let flemish = try await StaffBrowser.signIn(client, email: try await database.staff(.flemish).email)
            let other = try await sendSignal(client, postcode: "2000", description: "In Antwerpen sluit de budgetmeter af in de winter.").id
            let gathered = try await flemish.post(
                client, "/werkruimte/dossiers", [("titel", "Budgetmeters in Vlaanderen"), ("signalen", String(other))])
            let flemishDossier = String(try #require(gathered.location?.firstMatch(of: /dossiers\/(\d+)/)).1)
            let saved = try await flemish.post(
                client, "/werkruimte/dossiers/\(flemishDossier)",
                [
                    ("titel", "Budgetmeters in Vlaanderen"), ("bundel", platformDossier),
                ])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.page.firstMatch(of: /<p>([^<]*)<\/p>/)?.1 ?? "")")
            let page = try await flemish.get(client, "/werkruimte/dossiers/\(flemishDossier)").1
            #expect(page.contains("\(ids.count + 1) signalen"), "its own signal and the platform dossier's four")
            #expect(
                try await coordinator.post(client, "/werkruimte/dossiers/\(flemishDossier)", [("titel", "x")]).status == .notFound,
                "a platform's coordinator reads a Flemish dossier but does not change it")
            let parent = try await database.query("SELECT parent_id FROM analytics.dossiers WHERE id = \(platformDossier)")
            #expect(try parent.first?.decode(Int64?.self, at: 0) == Int64(flemishDossier))
        }
    }

    @Test func aDraftIsPublishedOnlyByItsPlatformsReviewerAndNeverShownBefore() async throws {
        try await withTestApplication { client, database in
            let (_, code) = try await Self.problem(client, database)
            let briefing = try await Briefing(
                pool: database.pool, clock: testClock, reclustering: BriefSiteTests.reclustering(database), logger: .test)
            let draftID = try #require(
                try await briefing.draft(scope: .region("oost-vlaanderen"), period: Period("2026-11")!, onlyFirst: true, logger: .test))
            #expect(
                try await briefing.draft(scope: .region("oost-vlaanderen"), period: Period("2026-11")!, onlyFirst: true, logger: .test)
                    == nil)
            #expect(!(try await client.execute(uri: "/briefs", method: .get) { String(buffer: $0.body) }).contains("november 2026"))

            let coordinator = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "oost-vlaanderen").email)
            let made = try await coordinator.post(
                client, "/werkruimte/dossiers", [("titel", "Winterstop voor budgetmeters"), ("probleem", code)])
            let dossier = String(try #require(made.location?.firstMatch(of: /dossiers\/(\d+)/)).1)
            #expect(try await coordinator.get(client, "/werkruimte/brieven").1.contains("/werkruimte/brieven/\(draftID)"))
            let elsewhere = try await StaffBrowser.signIn(client, email: try await database.staff(.coordinator, platform: "limburg").email)
            #expect(try await elsewhere.get(client, "/werkruimte/brieven/\(draftID)").0 == .notFound)
            #expect(try await elsewhere.post(client, "/werkruimte/brieven/\(draftID)/publiceren").status == .notFound)

            let published = try await coordinator.post(
                client, "/werkruimte/brieven/\(draftID)/publiceren",
                [
                    ("inleiding", "Deze maand vooral energie."), ("problemen", code), ("volgorde_\(code)", "1"),
                    ("dossiers", String(dossier)),
                ])
            let briefID = String(try #require(published.location?.firstMatch(of: /\/briefs\/(\d+)/)).1)
            let page = try await client.execute(uri: "/briefs/\(briefID)", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("Deze maand vooral energie.") && page.contains("Winterstop voor budgetmeters"))
            #expect(page.contains("Een coördinator las deze brief na"))
            let row = try #require(
                try await database.query("SELECT published_by IS NOT NULL, draft_id FROM signaal.briefs WHERE id = \(briefID)").first)
            #expect(try row.decode(Bool.self, at: 0) && row.decode(Int64.self, at: 1) == draftID)
            #expect(try await coordinator.post(client, "/werkruimte/brieven/\(draftID)/publiceren").status == .notFound, "published once")
            let dossierPage = try await client.execute(uri: "/dossiers/\(dossier)", method: .get) { $0.status }
            #expect(dossierPage == .notFound, "a dossier in a brief is still not public before it is presented")
        }
    }

    @Test func theBriefCommandDraftsUnlessToldToPublish() async throws {
        try await withTestDatabase { database in
            let environment = [
                "DATABASE_URL": try #require(database.configuration.connectionString), "SIGNAAL_SQL_DIRECTORY": TestPostgres.sqlDirectory,
                "LOG_LEVEL": "warning",
            ]
            func run(_ extra: [String]) throws -> Int32 {
                let command = try SignaalDaemon(
                    arguments: ["brief", "--region", "limburg", "--period", "2026-10", "--format", "json"] + extra, environment: environment
                )
                return command.waitForExit()
            }
            #expect(try run([]) == 0)
            #expect(try await database.count("signaal.brief_drafts") == 1)
            #expect(try await database.count("signaal.briefs") == 0)
            #expect(try run(["--publish"]) == 0)
            let published = try await database.query("SELECT published_by_command, model ->> 'reviewed_by' FROM signaal.briefs")
            #expect(try published.first?.decode(Bool.self, at: 0) == true && published.first?.decode(String.self, at: 1) == "command")
            #expect(try run(["--brief-review", "off"]) == 0)
            #expect(try await database.count("signaal.briefs") == 2)
        }
    }
}
