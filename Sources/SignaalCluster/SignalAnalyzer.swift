import SignaalText

/// What the theme model and the clustering see of a signal: its terms (stems, abbreviations, compound parts) and
/// the concepts of the lexicon it expresses, written `#concept` so they never collide with a term.
public struct SignalAnalyzer: Sendable {
    public let lexicon: ConceptLexicon
    private let termAnalyzer: TermAnalyzer

    /// - Parameter compoundVocabulary: stems that count as words when compounds are split (see `CompoundSplitter`).
    public init(lexicon: ConceptLexicon = .standard, compoundVocabulary: Set<String> = []) {
        self.lexicon = lexicon
        self.termAnalyzer = TermAnalyzer(
            compoundSplitter: compoundVocabulary.isEmpty ? nil : CompoundSplitter(vocabulary: compoundVocabulary)
        )
    }

    /// The prefix that marks a concept feature.
    public static let conceptMarker: Character = "#"

    /// The features of one text.
    public func features(_ text: String) -> [String] {
        var cache = ConceptLexicon.WildcardCache()
        return self.features(text, cache: &cache)
    }

    /// The features of each text of a collection.
    public func features(_ texts: [String]) -> [[String]] {
        var cache = ConceptLexicon.WildcardCache()
        return texts.map { self.features($0, cache: &cache) }
    }

    private func features(_ text: String, cache: inout ConceptLexicon.WildcardCache) -> [String] {
        let tokens = self.termAnalyzer.tokens(text)
        let concepts = self.lexicon.concepts(in: tokens, cache: &cache)
        return self.termAnalyzer.terms(tokens: tokens) + concepts.map { "#" + self.lexicon.concepts[$0].name }
    }

    /// The stems seen in at least `minimumCount` of `texts`: a compound vocabulary learnt from a collection.
    public static func compoundVocabulary(of texts: [String], minimumCount: Int = 2) -> Set<String> {
        let analyzer = TermAnalyzer()
        var counts: [String: Int] = [:]
        for text in texts {
            for term in Set(analyzer.terms(text)) where term.count >= 3 { counts[term, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= minimumCount }.keys)
    }
}
