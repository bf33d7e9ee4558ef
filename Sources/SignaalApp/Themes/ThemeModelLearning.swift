public import Foundation
public import Logging
public import SignaalCluster
public import SignaalStore

/// Learning from the people who correct the classifier: builds a theme model from the labelled set plus every signal
/// whose themes a coordinator set or a submitter chose, measures it on folds that keep each recurring problem whole
/// (as coordinators merged and split them) against the active model's recipe on the same folds, records it with its
/// figures, and activates it only when it is not worse.
public struct ThemeModelLearning: Sendable {
    public let store: ThemeModelStore
    public let trainer: ThemeModelTrainer
    public let lexicon: ConceptLexicon
    public let themes: [String]
    public let folds: Int

    public init(
        store: ThemeModelStore, trainer: ThemeModelTrainer = .init(), lexicon: ConceptLexicon = .standard,
        themes: [String] = ThemeModelTrainer.taxonomyThemes, folds: Int = 5
    ) {
        self.store = store
        self.trainer = trainer
        self.lexicon = lexicon
        self.themes = themes
        self.folds = folds
    }

    /// What one training found and decided.
    public struct Outcome: Sendable {
        public let version: Int64
        public let evaluation: ThemeModelStore.Evaluation
        /// The model that was active while measuring (its recipe is the baseline).
        public let baselineVersion: Int64?
        public let activated: Bool
        public let coordinatorExamples: Int
    }

    /// Trains, measures, records and (when not worse) activates a model; `labelled` is the shipped labelled set, or
    /// another one given instead.
    public func train(labelled: [LabelledSignal], now: Date, logger: Logger) async throws -> Outcome {
        let database = try await self.store.databaseExamples(logger: logger)
        let active = try await self.store.activeVersion(logger: logger)
        let signals = labelled + database.map(\.signal)
        // The active model's recipe: the labelled set and what people had decided when it was trained.
        let inBaseline =
            labelled.map { _ in true } + database.map { example in active?.examplesUntil.map { example.labelledAt <= $0 } ?? false }
        let (model, candidate, baseline, random) = try await Self.detached {
            try self.measure(
                signals, inBaseline: inBaseline,
                trainedOn: "\(labelled.count) signals of the labelled set and \(database.count) whose themes people decided")
        }
        let evaluation = ThemeModelStore.Evaluation(
            folds: self.folds, problemGroups: Set(LabelledSignal.groups(signals)).count, groupedAccuracy: candidate,
            baselineGroupedAccuracy: baseline, randomAccuracy: random, labelledExamples: labelled.count,
            databaseExamples: database.count, examplesUntil: now)
        let activate = candidate >= baseline
        let version = try await self.store.saveTrained(
            model, evaluation: evaluation, baseline: active?.version, activate: activate, logger: logger)
        logger.info(
            "Theme model trained",
            metadata: [
                "theme_model.version": "\(version)", "theme_model.grouped_accuracy": "\(candidate)",
                "theme_model.baseline_grouped_accuracy": "\(baseline)", "theme_model.activated": "\(activate)",
            ])
        return Outcome(
            version: version, evaluation: evaluation, baselineVersion: active?.version, activated: activate,
            coordinatorExamples: database.filter(\.byCoordinator).count)
    }

    /// The model trained on every signal, and the grouped accuracy of that recipe, of the baseline's recipe (only the
    /// signals `inBaseline` marks learn) and the random-fold accuracy beside them.
    private func measure(
        _ signals: [LabelledSignal], inBaseline: [Bool], trainedOn: String
    ) throws -> (ThemeModel, candidate: Double, baseline: Double, random: Double) {
        let vocabulary = SignalAnalyzer.compoundVocabulary(of: signals.map(\.text))
        let features = SignalAnalyzer(lexicon: self.lexicon, compoundVocabulary: vocabulary).features(signals.map(\.text))
        let examples = zip(signals, features).map { ThemeModelTrainer.Example(features: $1, themes: $0.themes) }
        let groups = LabelledSignal.groups(signals)
        let validation = ThemeCrossValidation(trainer: self.trainer, lexicon: self.lexicon, themes: self.themes)
        let candidate = try validation.run(examples, folds: self.folds, groups: groups)
        let baseline = try validation.run(examples, folds: self.folds, groups: groups, trainable: inBaseline)
        let random = try validation.run(examples, folds: self.folds)
        let model = try self.trainer.train(
            examples, themes: self.themes, lexicon: self.lexicon, compoundVocabulary: vocabulary, trainedOn: trainedOn)
        return (model, candidate.accuracy, baseline.accuracy, random.accuracy)
    }

    /// Runs CPU-bound work on a thread of its own, so the cooperative threads stay free.
    private static func detached<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Swift.Result { try work() }) }
        }
    }
}
