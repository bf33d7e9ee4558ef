import Foundation
import SignaalCluster

extension ThemesCommand.Evaluate {
    /// Themes of signals no model was trained on (for example `dev-long-signals.jsonl`), by a model built from every
    /// `--input` signal, beside a plain keyword list of the taxonomy: the lexicon's forms, each counting for the
    /// first theme of its concept, the theme with most matches first.
    static func printHeldOut(
        _ path: String, examples: [ThemeModelTrainer.Example], vocabulary: Set<String>, training: TrainingOptions, lexicon: ConceptLexicon
    ) throws {
        let records = try SignalRecordFile.read(path)
        let model = try training.trainer.train(
            examples, themes: training.themeCodes, lexicon: lexicon, compoundVocabulary: vocabulary, trainedOn: "evaluation")
        let classifier = ThemeClassifier(model: model)
        let features = model.analyzer(lexicon: lexicon).features(records.map(\.text))
        let keywords = KeywordThemeList(lexicon: lexicon)
        var score = LongTextScore()
        for (record, features) in zip(records, features) {
            score.add(
                themes: record.submittedThemes, classifier: classifier.classify(features).themes.first?.code,
                keywords: keywords.primaryTheme(features))
        }
        let count = Double(max(records.count, 1))
        print("held out: \(URL(fileURLWithPath: path).lastPathComponent), \(records.count) signals no model was trained on")
        for (name, tally) in [("classifier", score.classifier), ("keyword list", score.keywords)] {
            print(
                String(
                    format: "  %@: primary among the reader's themes %.2f (%d), the reader's primary %.2f (%d)", name,
                    Double(tally.among) / count, tally.among, Double(tally.primary) / count, tally.primary))
        }
    }
}
