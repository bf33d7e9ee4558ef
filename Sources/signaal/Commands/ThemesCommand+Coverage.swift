import ArgumentParser
import Foundation
import SignaalCluster
import SignaalText

extension ThemesCommand {
    /// `signaal themes coverage [--input LABELLED.jsonl …]`: how much of each theme the concept lexicon covers.
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Per theme: the lexicon's concepts and forms, and (with labelled signals) the share of them a concept of the theme finds.")

        @Option(help: "JSON Lines with themes, as for evaluate; repeat for several sets.")
        var input: [String] = []

        @OptionGroup var training: TrainingOptions

        func run() throws {
            let lexicon = try ConceptLexicon.load(path: self.training.lexicon)
            let records = try self.input.flatMap(SignalRecordFile.read)
            let tokenizer = DutchTokenizer()
            let found = records.map { record in
                Set(lexicon.concepts(in: tokenizer.tokens(record.text)).flatMap { lexicon.concepts[$0].themes })
            }
            print("theme\tconcepts\tforms\tsignals\tfound by a concept of the theme")
            for theme in self.training.themeCodes {
                let concepts = lexicon.concepts.filter { $0.themes.contains(theme) }
                let labelled = records.indices.filter { records[$0].submittedThemes.first == theme }
                let covered = labelled.filter { found[$0].contains(theme) }.count
                let share = labelled.isEmpty ? "-" : String(format: "%.2f", Double(covered) / Double(labelled.count))
                print("\(theme)\t\(concepts.count)\t\(concepts.map(\.formCount).reduce(0, +))\t\(labelled.count)\t\(share)")
            }
        }
    }
}
