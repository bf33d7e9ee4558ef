import ArgumentParser
import Foundation
import SignaalApp
import SignaalCluster
import SignaalStore

/// `signaal themes`: builds the theme classifier's model.
struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Build the theme classifier's model from labelled signals and the concept lexicon.",
        subcommands: [Train.self, Evaluate.self, Coverage.self]
    )

    /// `signaal themes train --input LABELLED.jsonl --output MODEL.json`, or `signaal themes train --from-database`.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a theme model: from a labelled file (ship it as Sources/SignaalCluster/Resources/theme-model.json), "
                + "or from the database, where it becomes the active model when grouped folds find it not worse.")

        @Option(
            help:
                "JSON Lines: {\"id\", \"text\", \"themes\": [primary, …], \"cluster\"} per line; repeat for several sets. With --from-database: instead of the labelled set shipped with Signaal."
        )
        var input: [String] = []

        @Option(help: "Where to write the model (JSON); not with --from-database.")
        var output: String?

        @Flag(
            name: .customLong("from-database"),
            help:
                "Learn from the themes coordinators set and submitters chose, plus the labelled set; record the model in signaal.theme_models and activate it when it is not worse than the active one."
        )
        var fromDatabase = false

        @Option(help: "Folds of the grouped cross-validation that decides (default 5; with --from-database).")
        var folds = 5

        @OptionGroup var training: TrainingOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if self.fromDatabase {
                guard self.output == nil else {
                    throw ValidationError("--output: not with --from-database (the model goes into the database)")
                }
                guard self.folds >= 2 else { throw ValidationError("--folds: at least 2") }
            } else {
                guard !self.input.isEmpty else { throw ValidationError("--input: a labelled file is needed (or --from-database)") }
                guard self.output != nil else { throw ValidationError("--output: where to write the model (or --from-database)") }
            }
        }

        func run() async throws {
            if self.fromDatabase { try await self.trainFromDatabase() } else { try self.trainFromFiles() }
        }

        private func trainFromFiles() throws {
            let output = self.output ?? ""
            let (records, lexicon, vocabulary, examples) = try self.training.examples(from: self.input)
            let model: ThemeModel
            do {
                model = try self.training.trainer.train(
                    examples, themes: self.training.themeCodes, lexicon: lexicon, compoundVocabulary: vocabulary,
                    trainedOn:
                        "\(records.count) signals of \(self.input.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))"
                )
            } catch let error as ThemeModelError {
                throw ValidationError("\(self.input.joined(separator: ", ")): \(error)")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard FileManager.default.createFile(atPath: output, contents: try encoder.encode(model)) else {
                throw ValidationError("--output: cannot write \(output)")
            }
            print("Trained a theme model on \(records.count) signals (\(model.weights.count) features) into \(output).")
        }

        private func trainFromDatabase() async throws {
            let logger = try self.logging.bootstrap(label: "signaal.themes")
            let labelled = try self.input.isEmpty ? LabelledSignal.shipped() : SignalRecordFile.labelled(self.input)
            let (trainer, themes, folds) = (self.training.trainer, self.training.themeCodes, self.folds)
            let lexicon = try ConceptLexicon.load(path: self.training.lexicon)
            let outcome = try await self.database.withMigratedPool(logger: logger) { pool in
                let store = ThemeModelStore(pool: pool)
                // The shipped model has a version before anything is compared with it.
                _ = try await store.registerShipped(
                    try ThemeClassifier.standardModel(), json: ThemeClassifier.standardModelJSON(), logger: logger)
                return try await ThemeModelLearning(store: store, trainer: trainer, lexicon: lexicon, themes: themes, folds: folds)
                    .train(labelled: labelled, now: Date(), logger: logger)
            }
            let evaluation = outcome.evaluation
            print(
                "Trained theme model v\(outcome.version) on \(evaluation.labelledExamples) labelled signals and "
                    + "\(evaluation.databaseExamples) from the database (\(outcome.coordinatorExamples) corrected by a coordinator).")
            print(
                String(
                    format:
                        "primary-theme accuracy, %d folds grouped by recurring problem (%d groups): %.3f; the active model's recipe (v%@): %.3f",
                    evaluation.folds, evaluation.problemGroups, evaluation.groupedAccuracy,
                    outcome.baselineVersion.map(String.init) ?? "-", evaluation.baselineGroupedAccuracy))
            print(String(format: "beside it, %d random folds: %.3f", evaluation.folds, evaluation.randomAccuracy))
            print(
                outcome.activated
                    ? "Activated: v\(outcome.version) is not worse; running daemons take it within their poll interval."
                    : "Not activated: v\(outcome.version) is worse on grouped folds; it is recorded, v\(outcome.baselineVersion.map(String.init) ?? "-") stays."
            )
        }
    }
}
