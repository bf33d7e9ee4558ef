/// Measures primary-theme accuracy by k-fold cross-validation: each fold is classified by a model built from the
/// other folds only (its texts and themes), so no signal is scored by a model that saw it. Folds are assigned
/// round-robin in the order given, so every fold spans the whole period.
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
        public var correct: Int { self.correctPerFold.reduce(0, +) }
        public var count: Int { self.countPerFold.reduce(0, +) }
        public var accuracy: Double { self.count > 0 ? Double(self.correct) / Double(self.count) : 0 }
    }

    public func run(_ examples: [ThemeModelTrainer.Example], folds: Int) throws -> Report {
        var correct = [Int](repeating: 0, count: folds)
        var counts = [Int](repeating: 0, count: folds)
        var classifications = [ThemeClassification?](repeating: nil, count: examples.count)
        for heldOut in 0..<folds {
            let training = examples.indices.filter { $0 % folds != heldOut }.map { examples[$0] }
            let classifier = ThemeClassifier(
                model: try self.trainer.train(training, themes: self.themes, lexicon: self.lexicon, trainedOn: "fold"))
            for index in examples.indices where index % folds == heldOut {
                counts[heldOut] += 1
                let classification = classifier.classify(examples[index].features)
                classifications[index] = classification
                if classification.themes.first?.code == examples[index].themes.first { correct[heldOut] += 1 }
            }
        }
        return Report(correctPerFold: correct, countPerFold: counts, classifications: classifications.map { $0! })
    }
}
