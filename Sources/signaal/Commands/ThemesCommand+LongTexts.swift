import ArgumentParser
import Foundation
import SignaalCluster

extension ThemesCommand.Evaluate {
    /// The long texts of `path` (`--long-texts`), each tied to the recurring problem of the `--input` files its
    /// `cluster` names; a text without themes, or whose problem is in none or several of the files, stops the command.
    static func longTexts(
        _ path: String, inputs: [String], groups: [String], analyzer: SignalAnalyzer
    ) throws -> [ThemeCrossValidation.LongText] {
        let records = try SignalRecordFile.read(path)
        let clusters = try SignalRecordFile.clusters(path)
        let known = Set(groups)
        let features = analyzer.features(records.map(\.text))
        return try zip(records, zip(clusters, features)).map { record, labels in
            let (cluster, features) = labels
            guard !record.submittedThemes.isEmpty else { throw ValidationError("--long-texts: \(path), id \(record.id): no themes") }
            let problems = inputs.map { "\($0):\(cluster ?? "")" }.filter(known.contains)
            guard cluster != nil, problems.count == 1 else {
                throw ValidationError(
                    "--long-texts: \(path), id \(record.id): cluster \"\(cluster ?? "")\" is not a recurring problem of exactly one --input file"
                )
            }
            return ThemeCrossValidation.LongText(features: features, themes: record.submittedThemes, group: problems[0])
        }
    }

    /// One line for a set of long texts: how often the classifier's and the keyword list's primary theme is the
    /// text's primary theme, and one of its themes.
    static func printLongTexts(_ heading: String, _ score: LongTextScore) {
        let count = Double(max(score.count, 1))
        let part = { (name: String, tally: LongTextScore.Tally) in
            String(
                format: "%@ primary %.3f (%d), among its themes %.3f (%d)", name, Double(tally.primary) / count, tally.primary,
                Double(tally.among) / count, tally.among)
        }
        print("\(heading), \(score.count) texts: \(part("classifier", score.classifier)); \(part("keyword list", score.keywords))")
    }
}
