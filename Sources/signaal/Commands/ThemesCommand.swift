import ArgumentParser
import Foundation
import SignaalCluster

/// `signaal themes`: builds the theme classifier's model.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Build the theme classifier's model from labelled signals and the concept lexicon.",
        subcommands: [Train.self, Evaluate.self, Coverage.self]
    )

    /// `signaal themes train --input LABELLED.jsonl --output MODEL.json`.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a theme model; ship it as Sources/SignaalCluster/Resources/theme-model.json.")

        @Option(help: "JSON Lines: {\"id\", \"text\", \"themes\": [primary, …]} per line.")
        var input: String

        @Option(help: "Where to write the model (JSON).")
        var output: String

        @OptionGroup var training: TrainingOptions

        func run() throws {
            let (records, lexicon, vocabulary, examples) = try self.training.examples(from: self.input)
            let model: ThemeModel
            do {
                model = try self.training.trainer.train(
                    examples, themes: self.training.themeCodes, lexicon: lexicon, compoundVocabulary: vocabulary,
                    trainedOn: "\(records.count) signals of \(URL(fileURLWithPath: self.input).lastPathComponent)")
            } catch let error as ThemeModelError {
                throw ValidationError("\(self.input): \(error)")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard FileManager.default.createFile(atPath: self.output, contents: try encoder.encode(model)) else {
                throw ValidationError("--output: cannot write \(self.output)")
            }
            print("Trained a theme model on \(records.count) signals (\(model.weights.count) features) into \(self.output).")
        }
    }
}
