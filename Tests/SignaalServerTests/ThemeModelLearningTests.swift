import Foundation
import Hummingbird
import HummingbirdTesting
import SignaalApp
import SignaalCluster
import SignaalServer
import SignaalStore
import SignaalTesting
import Testing

/// Learning from the people who correct the classifier (issue 20, point 4): models trained from the themes that
/// submitters chose and coordinators set are versioned with their grouped figures, activated only when not worse,
/// taken by the running daemon without a restart, and named by every classification.
@Suite struct ThemeModelLearningTests {
    /// The shipped labelled set, split by recurring problem: the first problems (and some one-offs) are the labelled
    /// set these tests train with, the later ones what submitters and coordinators label in the database.
    static func split() throws -> (labelled: [LabelledSignal], later: [[LabelledSignal]]) {
        let shipped = try LabelledSignal.shipped()
        let problems = Dictionary(grouping: shipped.filter { $0.problem != nil }, by: { $0.problem! })
            .sorted { $0.value[0].id < $1.value[0].id }.map(\.value)
        let labelled = problems.prefix(10).flatMap { $0.prefix(6) } + shipped.filter { $0.problem == nil }.prefix(10)
        return (labelled, Array(problems.dropFirst(10)))
    }

    /// Learning as the tests run it: fewer iterations and folds than `signaal themes train`, the same method, and
    /// without the lexicon's fixed keyword vote, so that what people teach alone decides the comparison.
    static func learning(_ pool: ConnectionPool) -> ThemeModelLearning {
        var trainer = ThemeModelTrainer()
        trainer.iterations = 60
        trainer.keywordWeight = 0
        return ThemeModelLearning(store: ThemeModelStore(pool: pool), trainer: trainer, folds: 3)
    }

    static let postcodes = ["2000", "9000", "3500", "8000", "1000", "3000"]

    /// Posts a signal through the API, with the submitter's themes when given; its id.
    static func post(_ text: String, themes: [String] = [], number: Int, client: some TestClientProtocol) async throws -> Int64 {
        var fields: [String: Any] = [
            "description": text, "postcode": Self.postcodes[number % Self.postcodes.count], "observed_on": "2026-10-01",
        ]
        if !themes.isEmpty { fields["themes"] = themes }
        let body = try JSONSerialization.data(withJSONObject: fields)
        return try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)) {
            response in
            #expect(response.status == .created)
            return Int64(try #require(try jsonObject(response.body)["id"] as? Int))
        }
    }

    static func modelVersion(of signal: Int64, in database: TestDatabase) async throws -> Int64? {
        try await database.query(
            "SELECT theme_model_version FROM analytics.signal_classifications WHERE signal_id = \(signal)"
        ).first?.decode(Int64?.self, at: 0)
    }

    static func activeVersion(_ database: TestDatabase) async throws -> Int64 {
        try #require(try await database.query("SELECT version FROM analytics.theme_models WHERE active").first).decode(Int64.self, at: 0)
    }

    @Test func peoplesThemesTrainAModelTheRunningDaemonTakesWithoutARestart() async throws {
        let (labelled, later) = try Self.split()
        var configuration = ServerConfiguration(port: 0)
        configuration.themeModelPollInterval = .milliseconds(200)
        configuration.rateLimitPerMinute = 0
        try await withTestApplication(configuration: configuration, setup: .live) { client, database in
            // The shipped model is registered, active, and named by the classification of an arrival.
            let shipped = try await Self.activeVersion(database)
            let origin = try await database.query("SELECT origin, decision FROM analytics.theme_models WHERE version = \(shipped)")
            #expect(try origin.first?.decode(String.self, at: 0) == "meegeleverd")
            let first = try await Self.post(later[0][0].text, number: 0, client: client)
            #expect(try await Self.modelVersion(of: first, in: database) == shipped)

            // Submitters choose themes for signals of problems the labelled set lacks; a coordinator corrects some.
            var posted: [(id: Int64, signal: LabelledSignal)] = []
            for (number, signal) in later.prefix(6).flatMap({ $0.prefix(5) }).enumerated() {
                let themes = number % 3 == 0 ? [] : signal.themes
                posted.append((try await Self.post(signal.text, themes: themes, number: number, client: client), signal))
            }
            let coordinator = try await database.staff(.coordinator, platform: "antwerpen")
            for (id, signal) in posted.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
                _ = try await TriageStore(pool: database.pool).apply(
                    .setThemes(signal.themes), to: [id], by: coordinator.id, platform: nil, now: testNow, logger: .test)
            }

            let outcome = try await Self.learning(database.pool).train(labelled: labelled, now: Date(), logger: .test)
            #expect(outcome.evaluation.labelledExamples == labelled.count)
            #expect(outcome.evaluation.databaseExamples == 30)
            #expect(outcome.coordinatorExamples == 10)
            #expect(outcome.baselineVersion == shipped)
            #expect(outcome.activated == (outcome.evaluation.groupedAccuracy >= outcome.evaluation.baselineGroupedAccuracy))
            #expect(outcome.activated, "grouped \(outcome.evaluation.groupedAccuracy) vs \(outcome.evaluation.baselineGroupedAccuracy)")
            let row = try #require(
                try await database.query(
                    """
                    SELECT origin, decision, active, database_examples, grouped_accuracy, baseline_grouped_accuracy, baseline_version
                    FROM analytics.theme_models WHERE version = \(outcome.version)
                    """
                ).first)
            #expect(try row.decode(String.self, at: 0) == "getraind")
            #expect(try row.decode(String.self, at: 1) == "geactiveerd")
            #expect(try row.decode(Bool.self, at: 2))
            #expect(try row.decode(Int.self, at: 3) == 30)
            #expect(try row.decode(Double.self, at: 4) == outcome.evaluation.groupedAccuracy)
            #expect(try row.decode(Int64.self, at: 6) == shipped)
            #expect(try await Self.activeVersion(database) == outcome.version)

            // The running daemon classifies with the new model within its poll interval, and says so.
            var version: Int64?
            for attempt in 0..<50 where version != outcome.version {
                let signal = try await Self.post(later[7][attempt % later[7].count].text, number: attempt, client: client)
                version = try await Self.modelVersion(of: signal, in: database)
                if version != outcome.version { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(version == outcome.version)

            // Trained again on the same decisions, the model is the same: it keeps its version and stays active.
            let again = try await Self.learning(database.pool).train(labelled: labelled, now: Date(), logger: .test)
            #expect(again.version == outcome.version)
            #expect(again.evaluation.groupedAccuracy == again.evaluation.baselineGroupedAccuracy)
            #expect(again.activated)
        }
    }

    @Test func aModelWorseOnGroupedFoldsIsRecordedAndTheActiveOneStays() async throws {
        let labelled = try Self.split().labelled
        try await withTestApplication { client, database in
            let shipped = try await Self.activeVersion(database)
            // Careless submitters: signals the labelled set knows, each given a theme that is not its own.
            let themes = ThemeModelTrainer.taxonomyThemes
            for (number, signal) in labelled.prefix(40).enumerated() {
                let others = themes.filter { $0 != signal.themes[0] }
                _ = try await Self.post(signal.text, themes: [others[(number * 7 + 3) % others.count]], number: number, client: client)
            }
            let outcome = try await Self.learning(database.pool).train(labelled: labelled, now: Date(), logger: .test)
            #expect(outcome.evaluation.groupedAccuracy < outcome.evaluation.baselineGroupedAccuracy)
            #expect(!outcome.activated)
            let row = try await database.query("SELECT decision, active FROM analytics.theme_models WHERE version = \(outcome.version)")
            #expect(try row.first?.decode(String.self, at: 0) == "niet_beter")
            #expect(try row.first?.decode(Bool.self, at: 1) == false)
            #expect(try await Self.activeVersion(database) == shipped)
        }
    }
}
