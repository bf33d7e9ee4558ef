import Foundation
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

/// Briefs on a real database: the right counts, clusters and quotes; hostile text escaped in every format;
/// immutable versions; the site, the feeds and the feedback page; scheduled publication exactly once.
@Suite struct BriefSiteTests {
    static let hostile = "<script>alert(1)</script> **vet** [klik](javascript:alert(1))"

    func post(
        _ text: String, postcode: String, observedOn: String, contact: String? = nil, client: some TestClientProtocol
    ) async throws -> (id: Int, code: String) {
        var fields = ["description": text, "postcode": postcode, "observed_on": observedOn, "suggestion": Self.hostile]
        fields["contact_email"] = contact
        let body = try JSONSerialization.data(withJSONObject: fields)
        return try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)) {
            response in
            #expect(response.status == .created)
            let json = try jsonObject(response.body)
            return (try #require(json["id"] as? Int), try #require(json["tracking_code"] as? String))
        }
    }

    static func reclustering(_ database: TestDatabase) throws -> Reclustering {
        Reclustering(store: ClusterStore(pool: database.pool), themeModel: try ThemeClassifier.standardModel())
    }

    func body(_ uri: String, _ client: some TestClientProtocol) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func aBriefCountsClustersQuotesAndEscapesAndStaysAsPublished() async throws {
        try await withTestApplication { client, database in
            var posted: [(id: Int, code: String)] = []
            let postcodes = ["2000", "9000", "3500", "8000"]
            for (number, text) in RecurringProblemTests.budgetMeter.enumerated() {
                posted.append(
                    try await self.post(
                        text, postcode: postcodes[number], observedOn: "2026-10-1\(number)",
                        contact: number == 0 ? "werker@caw.be" : nil, client: client))
            }
            for (number, text) in RecurringProblemTests.schoolLaptop.enumerated() {
                posted.append(try await self.post(text, postcode: postcodes[number], observedOn: "2026-09-1\(number)", client: client))
            }
            _ = try await self.post(RecurringProblemTests.singletons[0], postcode: "1000", observedOn: "2026-10-20", client: client)
            let clusters = ClusterStore(pool: database.pool)
            try await clusters.request(.requested, asOf: CalendarDate(iso8601: "2026-10-31")!, logger: .test)
            try await Reclustering(store: clusters, themeModel: try ThemeClassifier.standardModel()).runQueued(logger: .test)

            let briefing = try await Briefing(
                pool: database.pool, clock: testClock, reclustering: Self.reclustering(database), logger: .test)
            let october = Period("2026-10")!
            let id = try #require(try await briefing.publish(scope: .flanders, period: october, onlyFirst: false, logger: .test))
            let (status, json) = try await self.body("/briefs/\(id).json", client)
            #expect(status == .ok)
            let brief = try JSONDecoder().decode(Brief.self, from: Data(json.utf8))
            #expect(brief.region == "vlaanderen" && brief.period == "2026-10")
            #expect(brief.signalCount == 5, "four budget-meter signals and one one-off observed in October")
            #expect(brief.previousSignalCount == 4)
            let budget = try #require(brief.clusters.first)
            #expect(brief.clusters.count == 1, "the laptop signals belong to September")
            #expect(budget.size == 4 && budget.regions.count == 4 && budget.trend == "te weinig signalen")
            #expect((1...3).contains(budget.quotes.count))
            #expect(budget.quotes.allSatisfy { quote in RecurringProblemTests.budgetMeter.contains { $0.hasPrefix(quote.prefix(40)) } })

            // Hostile text is escaped in every format.
            let (_, page) = try await self.body("/briefs/\(id)", client)
            let (_, markdown) = try await self.body("/briefs/\(id).md", client)
            let (_, download) = try await self.body("/briefs/\(id).html", client)
            for html in [page, download] {
                #expect(!html.contains("<script>"))
                #expect(html.contains("&lt;script&gt;"))
            }
            #expect(!markdown.contains("<script>") && !markdown.contains("**vet**") && !markdown.contains("[klik](javascript"))

            // A published brief never changes; regenerating makes version 2, and version 1 stays readable.
            await #expect(throws: PostgresError.self) {
                _ = try await database.query("UPDATE signaal.briefs SET signal_count = 99 WHERE id = \(id)")
            }
            let second = try #require(try await briefing.publish(scope: .flanders, period: october, onlyFirst: false, logger: .test))
            #expect(try await briefing.store.brief(id: second, logger: .test)?.brief.version == 2)
            let (oldStatus, oldJSON) = try await self.body("/briefs/\(id).json", client)
            #expect(oldStatus == .ok && oldJSON == json)

            // The site: list with filter, feeds.
            let (_, list) = try await self.body("/briefs?region=vlaanderen&period=2026-10", client)
            #expect(list.contains("/briefs/\(id)\"") && list.contains("/briefs/\(second)\""))
            #expect(list.contains("<h1>Signalenbrieven</h1>") && !list.contains("Signalenbriefs"), "the Dutch plural")
            let (_, other) = try await self.body("/briefs?region=limburg", client)
            #expect(!other.contains("/briefs/\(id)\""))
            let (feedStatus, feed) = try await self.body("/briefs/feed.atom", client)
            #expect(feedStatus == .ok && feed.contains("<entry>") && feed.contains("/briefs/\(second)"))
            #expect(try await self.body("/briefs/regio/atlantis/feed.atom", client).0 == .notFound)
            #expect(try await self.body("/briefs/999999", client).0 == .notFound)

            // The feedback page: status, the problem and how many others reported it, the briefs that counted it.
            let (volgStatus, volg) = try await self.body("/volg/\(posted[0].code)", client)
            #expect(volgStatus == .ok)
            #expect(volg.contains("3 andere signalen beschrijven hetzelfde probleem"))
            #expect(volg.contains("/briefs/\(id)"))
            #expect(try await self.body("/volg/AAAA-AAAA", client).0 == .notFound)
            // The practitioner who left an address has a notice waiting for a mail sender (one per brief version).
            let notices = try await database.query("SELECT brief_id FROM signaal.feedback_notices WHERE signal_id = \(posted[0].id)")
            #expect(notices.count == 2)
        }
    }

    @Test func aScheduledBriefIsPublishedOnceHoweverManyDaemonsTry() async throws {
        try await withTestDatabase { database in
            let briefing = try await Briefing(
                pool: database.pool, clock: testClock, reclustering: Self.reclustering(database), logger: .test)
            let period = Period("2026-Q3")!
            let ids = try await withThrowingTaskGroup(of: Int64?.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await briefing.publish(scope: .flanders, period: period, onlyFirst: true, logger: .test) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(ids.compactMap { $0 }.count == 1)
            #expect(try await database.count("signaal.briefs") == 1)
            #expect(
                BriefSchedule.default.due(today: CalendarDate(iso8601: "2026-11-02")!, regionCodes: ["limburg"]).map {
                    "\($0.scope) \($0.period)"
                }
                    == ["limburg 2026-10", "vlaanderen 2026-Q3"])
        }
    }

    @Test func aBriefCountsTheOrganisationsThatReported() async throws {
        try await withTestApplication { client, database in
            let keys = APIKeyStore(pool: database.pool)
            let caw = try await keys.create(platform: "antwerpen", organisation: "CAW Antwerpen", logger: .test).key
            let ocmw = try await keys.create(platform: "antwerpen", organisation: "OCMW Antwerpen", logger: .test).key
            for (number, key) in [caw, caw, ocmw, ocmw].enumerated() {
                var headers = jsonHeaders
                headers[.authorization] = "Bearer \(key)"
                let text = RecurringProblemTests.budgetMeter[number % RecurringProblemTests.budgetMeter.count]
                let body = try JSONSerialization.data(withJSONObject: [
                    "signals": [["description": text, "postcode": "2000", "observed_on": "2026-10-1\(number)"]]
                ])
                try await client.execute(uri: "/api/v1/signals/batch", method: .post, headers: headers, body: ByteBuffer(bytes: body)) {
                    #expect($0.status == .ok)
                }
            }
            let briefing = try await Briefing(
                pool: database.pool, clock: testClock, reclustering: Self.reclustering(database), logger: .test)
            let id = try #require(
                try await briefing.publish(scope: .region("antwerpen"), period: Period("2026-10")!, onlyFirst: false, logger: .test))
            let brief = try #require(try await briefing.store.brief(id: id, logger: .test)?.brief)
            #expect(brief.signalCount == 4)
            #expect(brief.organisationCount == 2, "two organisations, not 'onbekend'")
            let (_, page) = try await self.body("/briefs/\(id)", client)
            #expect(page.contains(#"Organisaties die meldden</th><td>2</td>"#))
        }
    }

    @Test func aNewInstallationDraftsNoBriefsAboutTheTimeBeforeIt() async throws {
        try await withTestApplication { client, database in
            let briefing = try await Briefing(
                pool: database.pool, clock: testClock, reclustering: Self.reclustering(database), logger: .test)
            let service = BriefService(briefing: briefing, schedule: .default, pollInterval: .seconds(300), logger: .test)
            await service.publishDue()
            #expect(try await database.count("signaal.brief_drafts") == 0, "no signal yet: no draft")

            // The first signal arrives after October and the third quarter ended: still nothing to publish.
            let signal = try await self.post(
                RecurringProblemTests.budgetMeter[0], postcode: "9000", observedOn: "2026-10-02", client: client)
            _ = try await database.query("UPDATE signaal.signals SET received_at = '2026-11-03T09:00:00Z' WHERE id = \(signal.id)")
            await service.publishDue()
            #expect(try await database.count("signaal.brief_drafts") == 0, "periods that ended before the first signal get none")

            // An installation that has been receiving since September: October's and the quarter's briefs appear, once.
            _ = try await database.query("UPDATE signaal.signals SET received_at = '2026-09-20T09:00:00Z' WHERE id = \(signal.id)")
            await service.publishDue()
            await service.publishDue()
            let published = try await database.query("SELECT scope, period FROM signaal.brief_drafts ORDER BY scope, period")
                .map { "\(try $0.decode(String.self, at: 0)) \(try $0.decode(String.self, at: 1))" }
            #expect(published.count == 7 && published.contains("vlaanderen 2026-Q3") && published.contains("limburg 2026-10"))
            #expect(try await database.count("signaal.briefs") == 0, "with review required the scheduler drafts: nothing is public")
        }
    }

    @Test func aBriefRightAfterSignalsArriveReclustersFirstAndNamesItsRun() async throws {
        try await withTestApplication { client, database in
            for (number, text) in RecurringProblemTests.budgetMeter.enumerated() {
                _ = try await self.post(
                    text, postcode: ["2000", "9000", "3500", "8000"][number % 4], observedOn: "2026-10-1\(number)", client: client)
            }
            let briefing = try await Briefing(
                pool: database.pool, clock: testClock, reclustering: Self.reclustering(database), logger: .test)
            let october = Period("2026-10")!
            func published() async throws -> Brief {
                let id = try #require(try await briefing.publish(scope: .flanders, period: october, onlyFirst: false, logger: .test))
                let (_, json) = try await self.body("/briefs/\(id).json", client)
                #expect(json.contains(#""cluster_run""#) && json.contains(#""as_of""#))
                return try JSONDecoder().decode(Brief.self, from: Data(json.utf8))
            }
            // No clustering run yet: the brief runs one and shows the problem.
            let first = try await published()
            let run = try #require(first.clusterRun)
            #expect(run.asOf == "2026-11-25")
            #expect(first.clusters.count == 1 && first.clusters[0].size == RecurringProblemTests.budgetMeter.count)
            // Nothing new: the same run.
            #expect(try await published().clusterRun == run)
            // A signal arrives after the run: the next brief reclusters again.
            _ = try await self.post(RecurringProblemTests.budgetMeter[0], postcode: "1000", observedOn: "2026-10-28", client: client)
            let third = try await published()
            #expect(try #require(third.clusterRun).id > run.id)
            #expect(third.signalCount == RecurringProblemTests.budgetMeter.count + 1)
        }
    }
}
