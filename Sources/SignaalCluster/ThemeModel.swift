import Foundation

/// The theme classifier's model: a multinomial logistic regression over a signal's terms and concepts, stored as
/// JSON in the project (`Resources/theme-model.json`) and rebuilt by `signaal themes train` from labelled signals and
/// the concept lexicon. Every weight belongs to a readable feature, so each decision can be explained.
public struct ThemeModel: Sendable, Codable, Equatable {
    /// Format version of this file.
    public var version = 1
    /// Theme codes of the taxonomy, in the order of the weight columns.
    public let themes: [String]
    /// One bias per theme.
    public let bias: [Float]
    /// Feature (a term stem, or `#concept`) → one weight per theme.
    public let weights: [String: [Float]]
    /// How much more a concept counts than a term in the input vector.
    public let conceptWeight: Float
    /// Below this confidence in the first theme, a person should classify the signal.
    public let reviewThreshold: Double
    /// What the model was built from, for the record.
    public let trainedOn: String
    /// The labelled signals as vectors, for the vote of the most similar ones.
    public let exemplars: ThemeExemplars?
    /// Share of the exemplars' vote in the probabilities (the rest is the linear model's).
    public let exemplarWeight: Double
    /// Share of the lexicon's keyword vote in the probabilities (`nil` in models from before it): each concept the
    /// signal expresses votes for the first theme of its concept, as a plain keyword list of the taxonomy would.
    /// It is what carries to problems no labelled signal describes, so it is chosen on grouped folds.
    public let keywordWeight: Double?
    /// Concept feature → the theme its vote goes to.
    public let keywordThemes: [String: String]?
    /// The stems compounds are split into (see `CompoundSplitter`): learnt with the model, so that every part of
    /// Signaal analyses text the same way the model saw it.
    public let compoundVocabulary: [String]

    public init(
        themes: [String], bias: [Float], weights: [String: [Float]], conceptWeight: Float, reviewThreshold: Double,
        trainedOn: String, exemplars: ThemeExemplars? = nil, exemplarWeight: Double = 0, compoundVocabulary: [String] = [],
        keywordWeight: Double? = nil, keywordThemes: [String: String]? = nil
    ) {
        self.keywordWeight = keywordWeight
        self.keywordThemes = keywordThemes
        self.themes = themes
        self.bias = bias
        self.weights = weights
        self.conceptWeight = conceptWeight
        self.reviewThreshold = reviewThreshold
        self.trainedOn = trainedOn
        self.exemplars = exemplars
        self.exemplarWeight = exemplarWeight
        self.compoundVocabulary = compoundVocabulary
    }

    /// The analyzer that turns text into this model's features (numbered with `featureNumbers`, see
    /// `SignalAnalyzer.numberedFeatures(_:remembering:)`).
    public func analyzer(lexicon: ConceptLexicon = .standard, featureNumbers: [String: Int32] = [:]) -> SignalAnalyzer {
        SignalAnalyzer(lexicon: lexicon, compoundVocabulary: Set(self.compoundVocabulary), featureNumbers: featureNumbers)
    }

    enum CodingKeys: String, CodingKey {
        case version, themes, bias, weights, exemplars
        case exemplarWeight = "exemplar_weight"
        case compoundVocabulary = "compound_vocabulary"
        case keywordWeight = "keyword_weight"
        case keywordThemes = "keyword_themes"
        case conceptWeight = "concept_weight"
        case reviewThreshold = "review_threshold"
        case trainedOn = "trained_on"
    }

    /// The input vector from the count of each feature, each carrying what the caller attached to it.
    static func input<Payload>(
        counts: [String: (count: Int, payload: Payload)], conceptWeight: Float
    ) -> [(feature: String, value: Float, payload: Payload)] {
        Self.input(
            sorted: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.count, $0.value.payload) }, conceptWeight: conceptWeight)
    }

    /// The input vector from the count of each feature, given in the order of the features' names.
    static func input<Payload>(
        sorted counts: [(feature: String, count: Int, payload: Payload)], conceptWeight: Float
    ) -> [(feature: String, value: Float, payload: Payload)] {
        let raw = counts.map { feature, count, payload in
            (
                feature, Float(1 + Foundation.log(Double(count))) * (feature.first == SignalAnalyzer.conceptMarker ? conceptWeight : 1),
                payload
            )
        }
        let length = raw.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        return length > 0 ? raw.map { ($0.0, $0.1 / length, $0.2) } : []
    }
}
