import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SignaalApp
import SignaalBriefs
import SignaalCluster
import SignaalCore
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// The coordinator's actions over HTTP: each changes the signal, is recorded in a history that cannot be
/// rewritten, tells the practitioner, and has the effect on clustering and briefs its status implies.
@Suite struct WorkspaceActionTests {
    static func status(_ database: TestDatabase, _ id: Int64) async throws -> String {
        let rows = try await database.query(
            "SELECT st.code FROM signaal.signals AS s JOIN signaal.signal_statuses AS st ON st.id = s.status_id WHERE s.id = \(id)")
        return try #require(rows.first).decode(String.self, at: 0)
    }

    @Test func eachActionChangesTheSignalAndIsRecordedWithItsReason() async throws {
        try await withTestApplication { client, database in
            let first = try await sendSignal(client, postcode: "9000")
            let second = try await sendSignal(
                client, postcode: "9000",
                description: "De budgetmeter valt elke winter uit bij de zus van de buurvrouw; ze zit dagen zonder verwarming.")
            let member = try await database.staff(.coordinator, platform: "oost-vlaanderen")
            let browser = try await StaffBrowser.signIn(client, email: member.email)
            let page = "/werkruimte/signalen/\(first.id)"

            #expect(try await browser.post(client, page + "/valideren").location == page + "?gedaan=valideren")
            #expect(try await Self.status(database, first.id) == "gevalideerd")

            // A rejection needs a reason from the list: the message stands beside the field, the note is kept.
            let missing = try await browser.post(client, page + "/afwijzen", [("reden", ""), ("toelichting", "Eén gezin")])
            #expect(
                missing.status == .unprocessableContent && missing.page.contains("id=\"reden-fout\"")
                    && missing.page.contains(">Eén gezin<"))
            let note = "Individuele vraag van Anke Verbeke, bel 0471 23 45 67"
            #expect(
                try await browser.post(client, page + "/afwijzen", [("reden", "individueel_dossier"), ("toelichting", note)]).status
                    == .seeOther)
            #expect(try await Self.status(database, first.id) == "afgewezen")

            let duplicate = try await browser.post(client, "/werkruimte/signalen/\(second.id)/dubbel", [("origineel", String(first.id))])
            #expect(duplicate.status == .seeOther)
            let linked = try await database.query("SELECT duplicate_of FROM signaal.signals WHERE id = \(second.id)")
            #expect(try linked.first?.decode(Int64?.self, at: 0) == first.id)
            #expect(try await browser.post(client, page + "/dubbel", [("origineel", String(first.id))]).status == .unprocessableContent)

            let themes = try await browser.post(client, page + "/themas", [("themes", "wonen"), ("themes", "energie-water")])
            #expect(themes.status == .seeOther)
            let assigned = try await database.query(
                "SELECT theme, theme_source FROM analytics.signal_themes WHERE signal_id = \(first.id) ORDER BY rank")
            #expect(
                try assigned.map { "\(try $0.decode(String.self, at: 0)) \(try $0.decode(String.self, at: 1))" } == [
                    "wonen coordinator", "energie-water coordinator",
                ])

            // A passage the scrubber missed is replaced, and kept nowhere.
            let passage = "de zus van de buurvrouw"
            #expect(
                try await browser.post(client, "/werkruimte/signalen/\(second.id)/afschermen", [("passage", "niet in de tekst")]).status
                    == .unprocessableContent)
            #expect(
                try await browser.post(client, "/werkruimte/signalen/\(second.id)/afschermen", [("passage", passage)]).status == .seeOther)
            let text = try await database.query("SELECT description FROM signaal.signals WHERE id = \(second.id)")
            #expect(try text.first?.decode(String.self, at: 0).contains("uit bij [AFGESCHERMD]; ze zit") == true)
            let traces = try await database.query(
                """
                SELECT count(*) FROM signaal.signal_events AS e
                WHERE concat_ws(' ', e.note, e.reason, array_to_string(e.themes, ' ')) LIKE '%buurvrouw%'
                """)
            #expect(try traces.first?.decode(Int.self, at: 0) == 0)

            let forwarded = try await browser.post(client, page + "/doorsturen", [("platform", "limburg")])
            #expect(forwarded.location == "/werkruimte/signalen?gedaan=doorgestuurd")
            #expect(try await browser.get(client, page).0 == .notFound, "it left the coordinator's platform")
            let limburg = try await StaffBrowser.signIn(client, email: try await database.staff(.coordinator, platform: "limburg").email)
            let (status, shown) = try await limburg.get(client, page)
            #expect(status == .ok && shown.contains("Ontvangen") && shown.contains("Doorgestuurd van Regionaal Platform Oost-Vlaanderen"))

            // The history: one row per action, the note scrubbed, the staff member a pseudonym for analysts.
            let events = try await database.query(
                """
                SELECT a.action, coalesce(e.note, ''), a.staff_member::text
                FROM analytics.signal_events AS a JOIN signaal.signal_events AS e ON e.id = a.id ORDER BY a.id
                """)
            #expect(
                try events.map { try $0.decode(String.self, at: 0) } == [
                    "gevalideerd", "afgewezen", "dubbel", "themas_aangepast", "tekst_afgeschermd", "doorgestuurd",
                ])
            #expect(try events[1].decode(String.self, at: 1) == "Individuele vraag van [NAAM], bel [TELEFOON]")
            #expect(
                try events.allSatisfy { try $0.decode(String.self, at: 2).count == 36 && !$0.decode(String.self, at: 2).contains("Test") })
            // Status changes of signals with a contact address wait as feedback notices: not themes, not redaction.
            #expect(try await database.count("signaal.feedback_notices") == 4)
            let current = try await database.query("SELECT status FROM analytics.signals WHERE id = \(second.id)")
            #expect(try current.first?.decode(String.self, at: 0) == "dubbel")
        }
    }

    @Test func theHistoryCannotBeRewrittenEvenByTheOwner() async throws {
        try await withTestApplication { client, database in
            let signal = try await sendSignal(client, postcode: "2000")
            let browser = try await StaffBrowser.signIn(client, email: try await database.staff(.coordinator, platform: "antwerpen").email)
            _ = try await browser.post(client, "/werkruimte/signalen/\(signal.id)/valideren")
            for statement: Query in [
                "UPDATE signaal.signal_events SET action = 'afgewezen'", "DELETE FROM signaal.signal_events",
                "TRUNCATE signaal.signal_events CASCADE",
            ] {
                await #expect(throws: PostgresError.self, "\(statement.sql)") { _ = try await database.query(statement) }
            }
            #expect(try await database.count("signaal.signal_events") == 1)
        }
    }

    @Test func theTrackingPageTellsThePractitionerWhatHappenedButNeverWho() async throws {
        try await withTestApplication { client, database in
            let signal = try await sendSignal(client, postcode: "3500")
            let fresh = try await client.execute(uri: "/volg/\(signal.trackingCode)", method: .get) { String(buffer: $0.body) }
            #expect(fresh.contains("Ontvangen") && fresh.contains("nog niet bekeken door een coördinator"))
            let member = try await database.staff(.coordinator, platform: "limburg")
            let browser = try await StaffBrowser.signIn(client, email: member.email)
            _ = try await browser.post(
                client, "/werkruimte/signalen/\(signal.id)/afwijzen", [("reden", "te_weinig_informatie"), ("toelichting", "intern")])
            let page = try await client.execute(uri: "/volg/\(signal.trackingCode)", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("<strong>Afgewezen</strong>"))
            #expect(page.contains("Er stond te weinig in je signaal om het probleem te begrijpen"))
            #expect(!page.contains(member.name) && !page.contains("intern"), "neither who nor the internal note")
        }
    }

    @Test func rejectedAndDuplicateSignalsLeaveClusteringAndBriefsAndCorrectedThemesStay() async throws {
        try await withTestApplication { client, database in
            var ids: [Int64] = []
            for number in 1...4 {
                ids.append(
                    try await sendSignal(
                        client, postcode: "8000",
                        description: "Budgetmeters sluiten af in de winter (\(number)); gezinnen zitten dagen zonder verwarming."
                    ).id)
            }
            let browser = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "west-vlaanderen").email)
            _ = try await browser.post(client, "/werkruimte/signalen/\(ids[0])/afwijzen", [("reden", "geen_structureel_probleem")])
            _ = try await browser.post(client, "/werkruimte/signalen/\(ids[1])/dubbel", [("origineel", String(ids[2]))])
            _ = try await browser.post(client, "/werkruimte/signalen/\(ids[2])/valideren")
            _ = try await browser.post(client, "/werkruimte/signalen/\(ids[3])/themas", [("themes", "wonen")])

            let clusters = ClusterStore(pool: database.pool)
            let today = testClock.today()
            #expect(try await clusters.records(asOf: today, logger: .test).map(\.id) == [String(ids[2]), String(ids[3])])
            _ = try await clusters.request(.requested, asOf: today, logger: .test)
            try await Reclustering(store: clusters, themeModel: try ThemeClassifier.standardModel()).runQueued(logger: .test)
            let themes = try await database.query("SELECT themes FROM analytics.signals WHERE id = \(ids[3])")
            #expect(try themes.first?.decode([String].self, at: 0) == ["wonen"], "the coordinator's themes survive a recluster")

            let briefed = try await BriefStore(pool: database.pool).signals(
                scope: .region("west-vlaanderen"), from: today.adding(days: -1), to: today, logger: .test)
            #expect(briefed.map(\.id) == [ids[2], ids[3]] && briefed.map(\.validated) == [true, false])
        }
    }
}
