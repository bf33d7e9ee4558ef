/// The plain baseline a theme classifier must beat: a keyword list of the taxonomy, made of the concept lexicon's
/// forms, each counting for the first theme of its concept; the theme with most matches is the primary one.
public struct KeywordThemeList: Sendable {
    private let themeOfConcept: [String: String]

    public init(lexicon: ConceptLexicon) {
        self.themeOfConcept = Self.themes(of: lexicon)
    }

    /// Each concept feature (`#name`) of the lexicon and the first theme of its concept.
    public static func themes(of lexicon: ConceptLexicon) -> [String: String] {
        Dictionary(
            lexicon.concepts.compactMap { concept in concept.themes.first.map { ("\(SignalAnalyzer.conceptMarker)\(concept.name)", $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The primary theme of a signal's features (see `SignalAnalyzer.features`), `nil` when no keyword matches.
    public func primaryTheme(_ features: [String]) -> String? {
        var counts: [String: Int] = [:]
        for feature in features { if let theme = self.themeOfConcept[feature] { counts[theme, default: 0] += 1 } }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
