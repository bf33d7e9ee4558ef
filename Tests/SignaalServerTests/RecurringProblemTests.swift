import Foundation
import Hummingbird
import HummingbirdTesting
import SignaalApp
import SignaalCluster
import SignaalCore
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// The clustering on a real database: themes on arrival, a recluster run, views for analysts, assignment on
/// arrival between runs, and cluster codes that survive the next run.
@Suite struct RecurringProblemTests {
    /// Three recurring problems in four words each, and two problems reported once (written for this test).
    static let budgetMeter = [
        "Steeds meer gezinnen met een budgetmeter zitten dagen zonder stroom omdat ze niet kunnen opladen. De meter sluit gewoon af.",
        "Cliënte laadt haar budgetmeter elke week op in de buurtwinkel; als het krediet op is, zit ze in het donker zonder verwarming.",
        "Voorafbetaling van elektriciteit via de digitale meter: wie niet kan opladen, sluit zichzelf af. Niemand registreert die afsluitingen.",
        "Budgetmeter leeg, noodkrediet opgebruikt, gezin zonder stroom in de winter. Opladen kan enkel online of in een winkel ver weg.",
    ]
    static let schoolLaptop = [
        "De secundaire school verplicht een eigen laptop van 600 euro. Voor gezinnen met een leefloon is dat onbetaalbaar.",
        "Laptopverplichting in het eerste middelbaar: ouders moeten een toestel huren via de school en raken in de schulden.",
        "Leerling zonder laptop in de les, want het gezin kan het toestel niet betalen. De school heeft geen leentoestel.",
        "Schoollaptop kapot, de school rekent 300 euro herstelling aan; de moeder leeft van een uitkering en kan dit niet betalen.",
    ]
    static let referenceAddress = [
        "Dakloze man krijgt geen referentieadres bij het OCMW omdat hij niet kan bewijzen dat hij in de gemeente verblijft.",
        "Referentieadres geweigerd: het OCMW vraagt een bewijs van gewoonlijk verblijf aan iemand die op straat slaapt.",
        "Zonder referentieadres geen uitkering en geen ziekenfonds. Daklozen worden van het ene OCMW naar het andere gestuurd.",
        "Na een uithuiszetting ambtshalve afgevoerd uit het bevolkingsregister; een referentieadres krijgen duurt maanden.",
    ]
    static let singletons = [
        "Het postkantoor in het dorp sluit volgende maand; ouderen moeten voor aangetekende brieven naar de stad.",
        "De kinderopvang in onze wijk heeft een wachtlijst van twee jaar, werkende alleenstaande moeders vinden geen plaats.",
    ]
    static let postcodes = ["2000", "9000", "3500", "8000", "1000", "3000"]

    func post(_ text: String, postcode: String, observedOn: String, client: some TestClientProtocol) async throws -> Int {
        let body = try JSONSerialization.data(withJSONObject: ["description": text, "postcode": postcode, "observed_on": observedOn])
        return try await client.execute(
            uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)
        ) { response in
            #expect(response.status == .created)
            return try #require(try jsonObject(response.body)["id"] as? Int)
        }
    }

    func clusterCode(of signal: Int, in database: TestDatabase) async throws -> String? {
        try await database.query("SELECT cluster FROM analytics.cluster_members WHERE signal_id = \(signal)").first?
            .decode(String.self, at: 0)
    }

    @Test func signalsAreClassifiedOnArrivalClusteredByARunAndKeepTheirCodes() async throws {
        try await withTestApplication { client, database in
            var ids: [[Int]] = []
            for (group, texts) in [Self.budgetMeter, Self.schoolLaptop, Self.referenceAddress, Self.singletons].enumerated() {
                var groupIDs: [Int] = []
                for (number, text) in texts.enumerated() {
                    let postcode = Self.postcodes[(group + number) % Self.postcodes.count]
                    groupIDs.append(try await self.post(text, postcode: postcode, observedOn: "2026-10-0\(number + 1)", client: client))
                }
                ids.append(groupIDs)
            }
            // Themes on arrival, explained, marked as the classifier's.
            let classified = try await database.query(
                "SELECT themes[1], deciding_terms FROM analytics.signal_classifications WHERE signal_id = \(ids[0][0])")
            #expect(try classified.first?.decode(String.self, at: 0) == "energie-water")
            #expect(try classified.first?.decode([String].self, at: 1).isEmpty == false)
            let themes = try await database.query(
                "SELECT theme, is_submitter_choice, rank FROM analytics.signal_themes WHERE signal_id = \(ids[1][0]) ORDER BY rank")
            #expect(try themes.first?.decode(String.self, at: 0) == "onderwijs-opvang")
            #expect(try themes.first?.decode(Bool.self, at: 1) == false)

            // A recluster run groups the three problems apart and leaves the one-offs alone.
            let store = ClusterStore(pool: database.pool)
            let asOf = CalendarDate(iso8601: "2026-10-31")!
            #expect(try await store.request(.requested, asOf: asOf, logger: .test) != nil)
            let reclustering = Reclustering(store: store, themeModel: try ThemeClassifier.standardModel())
            #expect(try await reclustering.runQueued(logger: .test) == 1)
            var codes: [String] = []
            for group in ids.prefix(3) {
                let members = try await group.asyncMap { try await self.clusterCode(of: $0, in: database) }
                let code = try #require(members[0])
                #expect(Set(members) == [code], "one cluster per problem")
                codes.append(code)
            }
            #expect(Set(codes).count == 3)
            for singleton in ids[3] { #expect(try await self.clusterCode(of: singleton, in: database) == nil) }
            let row = try #require(
                try await database.query(
                    "SELECT label, size, primary_theme, region_count FROM analytics.clusters WHERE code = \(codes[0])"
                ).first)
            #expect(try row.decode(String.self, at: 0).contains("budgetmeter"))
            #expect(try row.decode(Int.self, at: 1) == 4)
            #expect(try row.decode(String.self, at: 2) == "energie-water")
            #expect(try row.decode(Int.self, at: 3) == 4)

            // Between runs, a new signal about the same problem joins it on arrival.
            let late = try await self.post(
                "Weer een gezin dat zonder stroom zit: de budgetmeter is leeg en opladen lukt niet in het weekend.",
                postcode: "9000", observedOn: "2026-10-20", client: client)
            let arrival = try await database.query(
                "SELECT cluster, method FROM analytics.cluster_members WHERE signal_id = \(late)")
            #expect(try arrival.first?.decode(String.self, at: 0) == codes[0])
            #expect(try arrival.first?.decode(String.self, at: 1) == "on_arrival")

            // The next run keeps every code and label.
            let labels = try await database.query("SELECT code, label FROM analytics.clusters ORDER BY code")
                .map { try "\($0.decode(String.self, at: 0))=\($0.decode(String.self, at: 1))" }
            try await store.request(.requested, asOf: asOf, logger: .test)
            try await reclustering.runQueued(logger: .test)
            for (group, code) in zip(ids.prefix(3), codes) {
                #expect(try await self.clusterCode(of: group[0], in: database) == code)
            }
            #expect(try await self.clusterCode(of: late, in: database) == codes[0])
            let after = try await database.query("SELECT code, label FROM analytics.clusters WHERE active ORDER BY code")
                .map { try "\($0.decode(String.self, at: 0))=\($0.decode(String.self, at: 1))" }
            #expect(after == labels)

            // The daemon's model is of the first run: the next signal joins under the second run's model (loaded
            // after its insert), the one after that within its own insert; the cluster grows by both.
            for text in [
                "Budgetmeter leeg en het gezin kan niet opladen: geen stroom, geen verwarming, al drie dagen.",
                "Opnieuw een budgetmeter die afsluit: het gezin zit zonder stroom tot de meter opgeladen is.",
            ] {
                let id = try await self.post(text, postcode: "2000", observedOn: "2026-10-22", client: client)
                let member = try await database.query("SELECT cluster, method FROM analytics.cluster_members WHERE signal_id = \(id)")
                #expect(try member.first?.decode(String.self, at: 0) == codes[0])
                #expect(try member.first?.decode(String.self, at: 1) == "on_arrival")
            }
            let size = try await database.query("SELECT size FROM analytics.clusters WHERE code = \(codes[0])")
            #expect(try size.first?.decode(Int.self, at: 0) == 7)
        }
    }

    @Test func aNightlyRunIsQueuedOnceHoweverManyDaemonsAsk() async throws {
        try await withTestDatabase { database in
            let store = ClusterStore(pool: database.pool)
            let night = CalendarDate(iso8601: "2026-11-01")!
            let requests = try await withThrowingTaskGroup(of: Int64?.self) { group in
                for _ in 0..<4 { group.addTask { try await store.request(.nightly, asOf: night, logger: .test) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(requests.compactMap { $0 }.count == 1)
            let claims = try await withThrowingTaskGroup(of: ClusterStore.ClaimedRun?.self) { group in
                for _ in 0..<3 { group.addTask { try await store.claimRun(logger: .test) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(claims.compactMap { $0 }.count == 1, "exactly one daemon claims the run")
        }
    }
}

extension Array {
    func asyncMap<Mapped>(_ transform: (Element) async throws -> Mapped) async rethrows -> [Mapped] {
        var result: [Mapped] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
