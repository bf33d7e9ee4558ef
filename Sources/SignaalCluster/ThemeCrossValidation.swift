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
        /// The keyword list's primary theme of every example, in input order (`nil` when no keyword matches): the list
        /// learns nothing, so folds do not change it; it is the plain baseline beside the held-out classifications.
        public let keywordListThemes: [String?]
        /// Long texts assembled from up to four held-out signals of one recurring problem (grouped folds only),
        /// by the classifier and by the keyword list.
        public let assembled: LongTextScore
        /// The long texts given to `run`, each scored in the fold of its recurring problem (grouped folds only).
        public let longTexts: LongTextScore
        public var correct: Int { self.correctPerFold.reduce(0, +) }
        public var count: Int { self.countPerFold.reduce(0, +) }
        public var accuracy: Double { self.count > 0 ? Double(self.correct) / Double(self.count) : 0 }
    }

    /// A long text written about one of the examples' recurring problems (a report, an article), with its themes:
    /// it is classified by the model of the fold that holds its problem, so by a model that saw none of its problem.
    public struct LongText: Sendable {
        public let features: [String]
        public let themes: [String]
        /// The recurring problem, as in the `groups` given to `run`.
        public let group: String

        public init(features: [String], themes: [String], group: String) {
            self.features = features
            self.themes = themes
            self.group = group
        }
    }

    /// - Parameters:
    ///   - groups: each example's recurring problem; given, the folds keep every problem whole.
    ///   - longTexts: texts about the examples' problems, scored with grouped folds; a text of a problem no example
    ///     has is not scored.
    ///   - trainable: which examples a fold's model may learn from (default all); every example is scored, so two
    ///     recipes compared with it are measured on the same held-out signals.
    public func run(
        _ examples: [ThemeModelTrainer.Example], folds: Int, groups: [String]? = nil, trainable: [Bool]? = nil,
        longTexts: [LongText] = []
    ) throws -> Report {
        let fold = Self.folds(count: examples.count, folds: folds, groups: groups)
        var correct = [Int](repeating: 0, count: folds)
        var counts = [Int](repeating: 0, count: folds)
        var classifications = [ThemeClassification?](repeating: nil, count: examples.count)
        let keywords = KeywordThemeList(lexicon: self.lexicon)
        var assembled = LongTextScore()
        var written = LongTextScore()
        let foldOfGroup = groups.map { Dictionary(zip($0, fold), uniquingKeysWith: { first, _ in first }) } ?? [:]
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
            for text in longTexts where foldOfGroup[text.group] == heldOut {
                written.add(
                    themes: text.themes, classifier: classifier.classify(text.features).themes.first?.code,
                    keywords: keywords.primaryTheme(text.features))
            }
            for problem in Dictionary(grouping: examples.indices.filter { fold[$0] == heldOut }, by: { groups[$0] }).values
            where problem.count >= 2 {
                Self.assemble(problem, examples, classifier: classifier, keywords: keywords, into: &assembled)
            }
        }
        return Report(
            correctPerFold: correct, countPerFold: counts, classifications: classifications.map { $0! },
            keywordListThemes: examples.map { keywords.primaryTheme($0.features) }, assembled: assembled, longTexts: written)
    }

    /// Scores one text as long as a report: the held-out signals of a recurring problem, up to four, joined, by the
    /// fold's classifier and by the keyword list.
    private static func assemble(
        _ problem: [Int], _ examples: [ThemeModelTrainer.Example], classifier: ThemeClassifier, keywords: KeywordThemeList,
        into result: inout LongTextScore
    ) {
        let parts = problem.sorted().prefix(4)
        let features = parts.flatMap { examples[$0].features }
        result.add(
            themes: Array(examples[parts.first!].themes.prefix(1)), classifier: classifier.classify(features).themes.first?.code,
            keywords: keywords.primaryTheme(features))
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
