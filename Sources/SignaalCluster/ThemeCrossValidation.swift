/// Measures primary-theme accuracy by k-fold cross-validation: each fold is classified by a model built from the
/// other folds only (its texts and themes), so no signal is scored by a model that saw it. Random folds are assigned
/// round-robin in the order given, so every fold spans the whole period; grouped folds keep every recurring problem
/// whole, so no signal is scored by a model that saw a signal of its own problem (the honest figure for problems
/// nobody labelled).
public struct ThemeCrossValidation: Sendable {
    public let trainer: ThemeModelTrainer
    public let lexicon: ConceptLexicon
    public let themes: [String]

    public init(trainer: ThemeModelTrainer, lexicon: ConceptLexicon, themes: [String]) {
        self.trainer = trainer
        self.lexicon = lexicon
        self.themes = themes
    }

    /// Correct primary themes per fold and in total.
    public struct Report: Sendable {
        public let correctPerFold: [Int]
        public let countPerFold: [Int]
        /// The held-out classification of every example, in input order.
        public let classifications: [ThemeClassification]
        /// Long texts assembled from up to four held-out signals of one recurring problem (grouped folds only):
        /// how many, and how many got the problem's primary theme from the classifier and from the keyword list.
        public let assembled: (count: Int, classifier: Int, keywords: Int)
        public var correct: Int { self.correctPerFold.reduce(0, +) }
        public var count: Int { self.countPerFold.reduce(0, +) }
        public var accuracy: Double { self.count > 0 ? Double(self.correct) / Double(self.count) : 0 }
    }

    /// - Parameters:
    ///   - groups: each example's recurring problem; given, the folds keep every problem whole.
    ///   - trainable: which examples a fold's model may learn from (default all); every example is scored, so two
    ///     recipes compared with it are measured on the same held-out signals.
    public func run(
        _ examples: [ThemeModelTrainer.Example], folds: Int, groups: [String]? = nil, trainable: [Bool]? = nil
    ) throws -> Report {
        let fold = Self.folds(count: examples.count, folds: folds, groups: groups)
        var correct = [Int](repeating: 0, count: folds)
        var counts = [Int](repeating: 0, count: folds)
        var classifications = [ThemeClassification?](repeating: nil, count: examples.count)
        let keywords = KeywordThemeList(lexicon: self.lexicon)
        var assembled = (count: 0, classifier: 0, keywords: 0)
        for heldOut in 0..<folds {
            let training = examples.indices.filter { fold[$0] != heldOut && trainable?[$0] != false }.map { examples[$0] }
            let classifier = ThemeClassifier(
                model: try self.trainer.train(training, themes: self.themes, lexicon: self.lexicon, trainedOn: "fold"))
            for index in examples.indices where fold[index] == heldOut {
                counts[heldOut] += 1
                let classification = classifier.classify(examples[index].features)
                classifications[index] = classification
                if classification.themes.first?.code == examples[index].themes.first { correct[heldOut] += 1 }
            }
            guard let groups else { continue }
            for problem in Dictionary(grouping: examples.indices.filter { fold[$0] == heldOut }, by: { groups[$0] }).values
            where problem.count >= 2 {
                Self.assemble(problem, examples, classifier: classifier, keywords: keywords, into: &assembled)
            }
        }
        return Report(
            correctPerFold: correct, countPerFold: counts, classifications: classifications.map { $0! }, assembled: assembled)
    }

    /// Scores one text as long as a report: the held-out signals of a recurring problem, up to four, joined, by the
    /// fold's classifier and by the keyword list.
    private static func assemble(
        _ problem: [Int], _ examples: [ThemeModelTrainer.Example], classifier: ThemeClassifier, keywords: KeywordThemeList,
        into result: inout (count: Int, classifier: Int, keywords: Int)
    ) {
        let parts = problem.sorted().prefix(4)
        let features = parts.flatMap { examples[$0].features }
        let primary = examples[parts.first!].themes.first
        result.count += 1
        if classifier.classify(features).themes.first?.code == primary { result.classifier += 1 }
        if keywords.primaryTheme(features) == primary { result.keywords += 1 }
    }

    /// Each example's fold: round-robin over the examples, or over the distinct groups in order of appearance.
    public static func folds(count: Int, folds: Int, groups: [String]?) -> [Int] {
        guard let groups else { return (0..<count).map { $0 % folds } }
        var number: [String: Int] = [:]
        return groups.map { group in
            if let known = number[group] { return known }
            number[group] = number.count % folds
            return number[group]!
        }
    }
}
