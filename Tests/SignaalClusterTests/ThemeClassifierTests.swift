import Foundation
import SignaalCluster
import SignaalText
import Testing

@Suite struct ThemeClassifierTests {
    let lexicon = try! ConceptLexicon(text: "budgetmeter [energie-water]: budgetmeter*\nlaptop [onderwijs-opvang]: laptop*")
    let themes = ["energie-water", "onderwijs-opvang", "wonen"]

    func model() throws -> ThemeModel {
        let examples: [ThemeModelTrainer.Example] = [
            .init(features: ["stroom", "afsluit", "#budgetmeter"], themes: ["energie-water"]),
            .init(features: ["stroom", "winter", "#budgetmeter"], themes: ["energie-water", "wonen"]),
            .init(features: ["school", "toestel", "#laptop"], themes: ["onderwijs-opvang"]),
            .init(features: ["school", "secundair", "#laptop"], themes: ["onderwijs-opvang"]),
            .init(features: ["huur", "woning", "verhuurder"], themes: ["wonen"]),
            .init(features: ["huur", "woning", "waarborg"], themes: ["wonen"]),
        ]
        return try ThemeModelTrainer().train(examples, themes: self.themes, lexicon: self.lexicon, trainedOn: "test")
    }

    @Test func groupedFoldsKeepEveryRecurringProblemWhole() {
        let groups = ["huur", "huur", "energie", "opvang", "energie", "jeugd", "huur", "werk"]
        let folds = ThemeCrossValidation.folds(count: groups.count, folds: 3, groups: groups)
        for group in Set(groups) {
            #expect(Set(zip(groups, folds).filter { $0.0 == group }.map(\.1)).count == 1, "\(group) in one fold")
        }
        #expect(Set(folds) == [0, 1, 2], "every fold gets problems")
        #expect(ThemeCrossValidation.folds(count: 5, folds: 2, groups: nil) == [0, 1, 0, 1, 0], "random folds: round-robin")
    }

    @Test func classifiesExplainsAndKeepsTheSubmittersChoice() throws {
        let classifier = ThemeClassifier(model: try self.model())
        let energy = classifier.classify(["stroom", "#budgetmeter"])
        #expect(energy.themes.first?.code == "energie-water")
        #expect(energy.themes.first?.source == .classifier)
        #expect(energy.decidingTerms.contains("budgetmeter"))
        #expect((1...3).contains(energy.themes.count))
        let own = classifier.classify(["stroom", "#budgetmeter"], submitted: ["wonen"])
        #expect(own.themes == [ThemeAssignment(code: "wonen", confidence: 1, source: .submitter)])
        #expect(!own.needsReview)
    }

    @Test func theLexiconSpeaksWhereTheLabelledSignalsAreSilent() throws {
        // "laptop" as a concept was seen with school signals; a text with only the concept still lands there.
        let classifier = ThemeClassifier(model: try self.model())
        #expect(classifier.classify(["#laptop"]).themes.first?.code == "onderwijs-opvang")
        let unsure = classifier.classify(["onbekend"])
        #expect(unsure.needsReview, "no evidence: a person decides")
    }

    @Test func aModelSurvivesItsJSONForm() throws {
        let model = try self.model()
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(ThemeModel.self, from: data) == model)
    }

    @Test func unknownThemesAreRefusedByNumber() {
        #expect(throws: ThemeModelError.unknownTheme("sport", example: 1)) {
            try ThemeModelTrainer().train(
                [.init(features: ["x"], themes: ["sport"])], themes: self.themes, lexicon: self.lexicon, trainedOn: "t")
        }
    }

    @Test func theShippedModelCoversTheTaxonomy() throws {
        let model = try ThemeClassifier.standardModel()
        #expect(model.themes == ThemeModelTrainer.taxonomyThemes)
        let classifier = ThemeClassifier(model: model)
        let features = SignalAnalyzer().features("Het gezin heeft een budgetmeter en zit zonder stroom omdat opladen niet lukt.")
        #expect(classifier.classify(features).themes.first?.code == "energie-water")
    }
}

@Suite struct SignalAnalyzerTests {
    @Test func theShippedAnalyzerSplitsCompoundsAndResolvesVariants() throws {
        let analyzer = try ThemeClassifier.standardModel().analyzer()
        let features = analyzer.features("Huurwoningen zijn duur; ge vindt nie snel een woning. De mnd huur is 900 euro.")
        #expect(features.filter { $0 == "woning" }.count >= 2, "huurwoningen meets woning")
        #expect(!features.contains("mnd"), "mnd is maanden, a stopword of case notes")
        #expect(FlemishVariants.standard("mnd") == ["maanden"])
        #expect(!features.contains("nie"))
        #expect(features.contains("#private-huur"))
    }
}
