import ArgumentParser
import Foundation
import SignaalCluster

/// The knobs of the theme model's training, shared by `signaal themes train` and `signaal themes evaluate`.
struct TrainingOptions: ParsableArguments {
    @Option(help: "A concept lexicon to use instead of the one shipped (same syntax as Resources/concepts.txt).")
    var lexicon: String?

    @Option(help: "Themes of the taxonomy in order, comma-separated (default: the 15 themes of the taxonomy).")
    var themes: String?

    @Option(help: "L2 penalty towards the lexicon's prior (default 0.002).")
    var regularisation: Float?

    @Option(name: .customLong("lexicon-prior"), help: "Prior weight of a concept for its first theme (default 12).")
    var lexiconPrior: Float?

    @Option(name: .customLong("exemplar-weight"), help: "Share of the vote of the most similar labelled signals, 0–1 (default 0.5).")
    var exemplarWeight: Double?

    @Option(name: .customLong("keyword-weight"), help: "Share of the lexicon's keyword vote, 0–1 (default 0.5).")
    var keywordWeight: Double?

    @Option(help: "How many of the most similar labelled signals vote (default 5).")
    var neighbours: Int?

    @Option(name: .customLong("model-concept-weight"), help: "How much more a concept counts than a term in the theme model (default 3).")
    var modelConceptWeight: Float?

    @Option(help: "Gradient-descent iterations (default 300).")
    var iterations: Int?

    var themeCodes: [String] {
        self.themes.map { $0.split(separator: ",").map(String.init) } ?? ThemeModelTrainer.taxonomyThemes
    }

    var trainer: ThemeModelTrainer {
        var trainer = ThemeModelTrainer()
        if let regularisation { trainer.regularisation = regularisation }
        if let lexiconPrior { trainer.lexiconPrior = lexiconPrior }
        if let iterations { trainer.iterations = iterations }
        if let exemplarWeight { trainer.exemplarWeight = exemplarWeight }
        if let neighbours { trainer.neighbours = neighbours }
        if let keywordWeight { trainer.keywordWeight = keywordWeight }
        if let modelConceptWeight { trainer.conceptWeight = modelConceptWeight }
        return trainer
    }

    /// The labelled signals of the JSON Lines file at `path` as training examples, with the lexicon and the compound
    /// vocabulary their features were made with. The compound vocabulary is a word list without themes, learnt from
    /// every text: cross-validation that uses it leaks no label.
    func examples(
        from path: String
    ) throws
        -> (records: [SignalRecord], lexicon: ConceptLexicon, vocabulary: Set<String>, examples: [ThemeModelTrainer.Example])
    {
        try self.examples(from: [path])
    }

    /// The examples of several labelled files together, in order.
    func examples(
        from paths: [String]
    ) throws
        -> (records: [SignalRecord], lexicon: ConceptLexicon, vocabulary: Set<String>, examples: [ThemeModelTrainer.Example])
    {
        let records = try paths.flatMap(SignalRecordFile.read)
        let lexicon = try ConceptLexicon.load(path: self.lexicon)
        let vocabulary = SignalAnalyzer.compoundVocabulary(of: records.map(\.text))
        let features = SignalAnalyzer(lexicon: lexicon, compoundVocabulary: vocabulary).features(records.map(\.text))
        let examples = zip(records, features).map { ThemeModelTrainer.Example(features: $1, themes: $0.submittedThemes) }
        return (records, lexicon, vocabulary, examples)
    }
}

extension ConceptLexicon {
    /// The lexicon at `path`, or the one shipped when `path` is `nil`; an unreadable file names the `--lexicon` option.
    static func load(path: String?) throws -> ConceptLexicon {
        guard let path else { return .standard }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("--lexicon: cannot read \(path)") }
        do {
            return try ConceptLexicon(text: text)
        } catch {
            throw ValidationError("--lexicon: \(error)")
        }
    }
}
