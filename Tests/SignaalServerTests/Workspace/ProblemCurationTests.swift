import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignaalApp
import SignaalCluster
import SignaalCore
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Curating recurring problems in the workspace, over HTTP, and reclustering after it: everything curated holds,
/// and new signals still join.
@Suite struct ProblemCurationTests {
    static let topics: [String: [String]] = [
        "budget": [
            "Budgetmeters sluiten af in de winter; gezinnen zitten dagen zonder verwarming.",
            "Door de budgetmeter valt de verwarming uit als het krediet op is, midden in de winter.",
            "Gezinnen met een budgetmeter zitten in de winter zonder verwarming omdat de meter afsluit.",
            "De budgetmeter sluit de verwarming af in de winter, ook bij gezinnen met kleine kinderen.",
        ],
        "wachtlijst": [
            "De wachtlijst voor een sociale woning is meer dan tien jaar; gezinnen blijven in slechte huurwoningen.",
            "Wie een sociale woning aanvraagt, wacht tien jaar op de wachtlijst en huurt intussen te duur.",
            "De wachtlijst voor sociale huurwoningen blijft groeien; gezinnen wachten jaren op een sociale woning.",
            "Sociale woning: de wachtlijst duurt jaren, gezinnen huren intussen een te dure woning.",
        ],
        "opvang": [
            "Kinderopvang is onbetaalbaar voor alleenstaande ouders; er zijn geen plaatsen met een inkomenstarief.",
            "Alleenstaande ouders vinden geen kinderopvang met een inkomenstarief en kunnen niet gaan werken.",
            "Plaatsen in de kinderopvang met inkomenstarief zijn er niet; ouders met een laag inkomen vallen uit.",
            "Een alleenstaande ouder vindt geen betaalbare kinderopvang: geen plaats met inkomenstarief.",
        ],
    ]

    /// The problem code of each signal, after a recluster.
    static func recluster(_ database: TestDatabase) async throws -> [Int64: String] {
        let clusters = ClusterStore(pool: database.pool)
        _ = try await clusters.request(.requested, asOf: testClock.today(), logger: .test)
        try await Reclustering(store: clusters, themeModel: try ThemeClassifier.standardModel()).runQueued(logger: .test)
        let rows = try await database.query(
            """
            SELECT cm.signal_id, c.code FROM signaal.cluster_memberships AS cm JOIN signaal.clusters AS c ON c.id = cm.cluster_id
            WHERE c.retired_run_id IS NULL
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(Int64.self, at: 0), try $0.decode(String.self, at: 1)) })
    }

    @Test func curationsHoldAcrossReclusteringAndNewSignalsStillJoin() async throws {
        try await withTestApplication { client, database in
            var ids: [String: [Int64]] = [:]
            for (topic, texts) in Self.topics {
                for text in texts { ids[topic, default: []].append(try await sendSignal(client, postcode: "9000", description: text).id) }
            }
            let first = try await Self.recluster(database)
            let budget = try #require(first[ids["budget"]![0]])
            let housing = try #require(first[ids["wachtlijst"]![0]])
            let care = try #require(first[ids["opvang"]![0]])
            #expect(Set([budget, housing, care]).count == 3, "three problems to start from: \(first)")

            let browser = try await StaffBrowser.signIn(
                client, email: try await database.staff(.coordinator, platform: "oost-vlaanderen").email)
            let renamed = try await browser.post(
                client, "/werkruimte/problemen/\(budget)/hernoemen", [("titel", "Budgetmeters sluiten af in de winter")])
            #expect(renamed.location == "/werkruimte/problemen/\(budget)?gedaan=1")
            let removed = ids["budget"]![3]
            #expect(
                try await browser.post(client, "/werkruimte/problemen/\(budget)/uithalen", [("signalen", String(removed))]).status
                    == .seeOther)
            let split = try await browser.post(
                client, "/werkruimte/problemen/\(housing)/splitsen",
                [
                    ("signalen", String(ids["wachtlijst"]![2])), ("signalen", String(ids["wachtlijst"]![3])),
                    ("titel", "Te dure huur tijdens het wachten"),
                ])
            let newProblem = try #require(split.location?.firstMatch(of: /problemen\/(P\d+)\?/)).1
            #expect(
                try await browser.post(client, "/werkruimte/problemen/\(care)/samenvoegen", [("met", budget)]).location
                    == "/werkruimte/problemen/\(budget)?gedaan=1")
            let policy = try await StaffBrowser.signIn(client, email: try await database.staff(.policy).email)
            #expect(try await policy.post(client, "/werkruimte/problemen/\(budget)/hernoemen", [("titel", "x")]).status == .forbidden)

            // Reclustering keeps it all, and a new signal about budget meters joins the renamed problem.
            let late = try await sendSignal(
                client, postcode: "9000", description: "De budgetmeter sluit af in de winter; het gezin zit zonder verwarming."
            ).id
            let after = try await Self.recluster(database)
            #expect(after[removed] == nil, "a removed signal stays out")
            #expect(ids["budget"]!.prefix(3).allSatisfy { after[$0] == budget } && ids["opvang"]!.allSatisfy { after[$0] == budget })
            #expect(after[ids["wachtlijst"]![0]] == housing && after[ids["wachtlijst"]![1]] == housing)
            #expect(after[ids["wachtlijst"]![2]] == String(newProblem) && after[ids["wachtlijst"]![3]] == String(newProblem))
            #expect(after[late] == budget, "new signals can still join")
            let titles = try await database.query(
                "SELECT code, title, active FROM analytics.clusters WHERE title IS NOT NULL OR code = \(care)")
            #expect(
                try titles.contains {
                    try $0.decode(String.self, at: 0) == budget && $0.decode(String?.self, at: 1) == "Budgetmeters sluiten af in de winter"
                })
            #expect(
                try titles.contains { try $0.decode(String.self, at: 0) == care && !$0.decode(Bool.self, at: 2) },
                "the merged problem is gone")
            let curations = try await database.query("SELECT action FROM analytics.cluster_curations ORDER BY id")
            #expect(try curations.map { try $0.decode(String.self, at: 0) } == ["hernoemd", "uitgehaald", "gesplitst", "samengevoegd"])
            let page = try await browser.get(client, "/werkruimte/signalen/\(ids["budget"]![0])").1
            #expect(page.contains("Budgetmeters sluiten af in de winter"), "the title replaces the label everywhere")
        }
    }
}
