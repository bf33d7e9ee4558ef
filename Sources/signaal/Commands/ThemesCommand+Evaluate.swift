import ArgumentParser
import Foundation
import SignaalCluster

extension ThemesCommand {
    /// `signaal themes evaluate --input LABELLED.jsonl [--input MORE.jsonl] [--folds 5]`: primary-theme accuracy in
    /// cross-validation, grouped by recurring problem (the headline) and in random folds beside it.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Primary-theme accuracy in k-fold cross-validation (never scored by a model that saw the signal).")

        @Option(
            help:
                "JSON Lines: {\"id\", \"text\", \"themes\": [primary, …], \"cluster\": recurring problem} per line; repeat for several sets."
        )
        var input: [String]

        @Option(help: "Number of folds (default 5).")
        var folds = 5

        @Option(
            name: .customLong("held-out"),
            help: "JSON Lines of labelled signals to classify with a model built from every --input signal, beside a keyword list.")
        var heldOut: String?

        @Option(
            name: .customLong("long-texts"),
            help:
                "JSON Lines of long texts (reports, articles) about recurring problems of the --input files, with their themes and the problem as \"cluster\": each is classified in the grouped fold of its problem, beside a keyword list."
        )
        var longTexts: String?

        @Flag(help: "List every misclassified signal with the terms that decided.")
        var errors = false

        @OptionGroup var training: TrainingOptions

        func run() throws {
            guard self.folds >= 2 else { throw ValidationError("--folds: at least 2") }
            guard !self.input.isEmpty else { throw ValidationError("--input: at least one file") }
            let (records, lexicon, vocabulary, examples) = try self.training.examples(from: self.input)
            let groups = try SignalRecordFile.problems(self.input)
            let validation = ThemeCrossValidation(trainer: self.training.trainer, lexicon: lexicon, themes: self.training.themeCodes)
            let report: ThemeCrossValidation.Report
            let random: ThemeCrossValidation.Report
            do {
                let longTexts = try self.longTexts.map { path in
                    try Self.longTexts(
                        path, inputs: self.input, groups: groups, analyzer: SignalAnalyzer(lexicon: lexicon, compoundVocabulary: vocabulary)
                    )
                }
                report = try validation.run(examples, folds: self.folds, groups: groups, longTexts: longTexts ?? [])
                random = try validation.run(examples, folds: self.folds)
            } catch let error as ThemeModelError {
                throw ValidationError("\(self.input.joined(separator: ", ")): \(error)")
            }
            if self.errors {
                for (record, classification) in zip(records, report.classifications)
                where classification.themes.first?.code != record.submittedThemes.first {
                    print(
                        "\(record.id): \(record.submittedThemes.first ?? "-") → \(classification.themes.map(\.code).joined(separator: ",")) "
                            + "(\(classification.decidingTerms.joined(separator: ", ")))")
                }
            }
            for (fold, (correct, count)) in zip(report.correctPerFold, report.countPerFold).enumerated() {
                print("fold \(fold + 1): \(correct)/\(count)")
            }
            Self.printPerTheme(records: records, report: report)
            print(
                String(
                    format: "primary-theme accuracy, %d folds grouped by recurring problem (%d problems): %.3f (%d/%d)",
                    self.folds, Set(groups).count, report.accuracy, report.correct, report.count))
            print(
                String(
                    format: "beside it, %d random folds (problems in training and test alike): %.3f (%d/%d)",
                    self.folds, random.accuracy, random.correct, random.count))
            self.printKeywordList(records: records, report: report, groups: groups)
            Self.printLongTexts("assembled long texts (2-4 held-out signals of one problem as one text)", report.assembled)
            if self.longTexts != nil {
                Self.printLongTexts("long texts (--long-texts, each classified in the grouped fold of its problem)", report.longTexts)
            }
            if let heldOut = self.heldOut {
                try Self.printHeldOut(heldOut, examples: examples, vocabulary: vocabulary, training: self.training, lexicon: lexicon)
            }
        }

        /// The keyword list's primary-theme accuracy on the same signals, and, with several `--input` files, both
        /// figures per file (a lexicon written after reading one set flatters the list on that set).
        /// `groups` are the records' problems as `SignalRecordFile.problems` names them, each prefixed by its file.
        func printKeywordList(records: [SignalRecord], report: ThemeCrossValidation.Report, groups: [String]) {
            let correct = zip(records, report.keywordListThemes).map { record, theme in
                theme != nil && theme == record.submittedThemes.first
            }
            let classifierCorrect = zip(records, report.classifications).map { record, classification in
                classification.themes.first?.code == record.submittedThemes.first
            }
            print(
                "beside them, the keyword list of the lexicon (it learns nothing, so folds do not change it): "
                    + Self.share(correct))
            guard self.input.count > 1 else { return }
            for path in self.input {
                let file = groups.indices.filter { groups[$0].hasPrefix("\(path):") }
                print(
                    "  \(URL(fileURLWithPath: path).lastPathComponent): grouped folds \(Self.share(file.map { classifierCorrect[$0] })), "
                        + "keyword list \(Self.share(file.map { correct[$0] }))")
            }
        }

        /// "0.560 (315/563)": the share of `outcomes` that are true.
        private static func share(_ outcomes: [Bool]) -> String {
            let hits = outcomes.filter { $0 }.count
            return String(format: "%.3f (%d/%d)", Double(hits) / Double(max(outcomes.count, 1)), hits, outcomes.count)
        }

        /// Grouped accuracy per primary theme, and the themes most often taken for another.
        static func printPerTheme(records: [SignalRecord], report: ThemeCrossValidation.Report) {
            var counts: [String: (correct: Int, count: Int)] = [:]
            var confusions: [String: Int] = [:]
            for (record, classification) in zip(records, report.classifications) {
                guard let gold = record.submittedThemes.first else { continue }
                let predicted = classification.themes.first?.code ?? "-"
                counts[gold, default: (0, 0)].count += 1
                if predicted == gold {
                    counts[gold, default: (0, 0)].correct += 1
                } else {
                    confusions["\(gold) → \(predicted)", default: 0] += 1
                }
            }
            print("per theme (grouped folds): theme\tcorrect/signals\taccuracy")
            for (theme, count) in counts.sorted(by: { $0.key < $1.key }) {
                print("  \(theme)\t\(count.correct)/\(count.count)\t" + String(format: "%.2f", Double(count.correct) / Double(count.count)))
            }
            print(
                "most mixed (grouped folds): "
                    + confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .prefix(5).map { "\($0.key) \($0.value)×" }.joined(separator: "; "))
        }
    }
}
