public import Foundation

/// Where a signal's theme comes from: the person who submitted it, or the classifier.
public enum ThemeSource: String, Sendable, Codable {
    case submitter
    case classifier
}

/// One theme given to a signal, with the confidence behind it (1 for a submitter's choice).
public struct ThemeAssignment: Sendable, Equatable, Codable {
    public let code: String
    public let confidence: Double
    public let source: ThemeSource

    public init(code: String, confidence: Double, source: ThemeSource) {
        self.code = code
        self.confidence = confidence
        self.source = source
    }
}

/// The themes of one signal and why.
public struct ThemeClassification: Sendable, Equatable {
    /// One to three themes, primary first.
    public let themes: [ThemeAssignment]
    /// The features that weighed most for the primary theme (stems, or concept names), strongest first.
    public let decidingTerms: [String]
    /// True when the classifier was not confident enough: a person should classify this signal.
    public let needsReview: Bool
    /// The version of the model that decided (`signaal.theme_models.version`), when the model has one.
    public var modelVersion: Int64?
}

/// Gives signals 1–3 themes of the taxonomy with a confidence, using a `ThemeModel`. A submitter's own choice is
/// kept as theirs; the classifier only fills in when they chose none.
public struct ThemeClassifier: Sendable {
    public let model: ThemeModel
    /// The model's version in `signaal.theme_models`, recorded with every classification; `nil` outside a database.
    public let modelVersion: Int64?
    /// A secondary theme is proposed when its probability reaches this share of the primary one's (and 0.15).
    public var secondaryShare = 0.4

    private let features: FeatureTable
    /// What the exemplars' themes count for, as columns of `model.themes`.
    private let ballots: ThemeExemplars.Ballots?

    public init(model: ThemeModel, version: Int64? = nil) {
        self.model = model
        self.modelVersion = version
        self.features = FeatureTable(model)
        let themeOrder = Dictionary(model.themes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.ballots = model.exemplars?.ballots(themeOrder: themeOrder)
    }

    /// The analyzer that gives this classifier a text's features, and numbers them as the classifier does (see
    /// `classify(_:submitted:)` for `SignalAnalyzer.NumberedFeatures`).
    public func analyzer(lexicon: ConceptLexicon = .standard) -> SignalAnalyzer {
        self.model.analyzer(lexicon: lexicon, featureNumbers: self.features.numbers)
    }

    /// Every feature the linear model or the exemplars know, numbered in the order of the features' names, with
    /// what each of them needs: one look-up per feature of a signal serves both.
    private struct FeatureTable: Sendable {
        let numbers: [String: Int32]
        let names: [String]
        let weights: [[Float]?]
        let exemplarTerms: [Int32?]
        let exemplarBoosts: [Float]
        /// The theme column each concept feature's keyword vote goes to.
        let keywordColumns: [Int?]

        init(_ model: ThemeModel) {
            let vocabulary = model.exemplars?.vectorizer.vocabulary ?? [:]
            self.names = Set(model.weights.keys).union(vocabulary.keys).sorted()
            self.numbers = Dictionary(uniqueKeysWithValues: self.names.enumerated().map { ($1, Int32($0)) })
            self.weights = self.names.map { model.weights[$0] }
            self.exemplarTerms = self.names.map { vocabulary[$0] }
            let conceptWeight = model.exemplars?.conceptWeight ?? 1
            self.exemplarBoosts = self.names.map { $0.first == SignalAnalyzer.conceptMarker ? conceptWeight : 1 }
            let columns = Dictionary(model.themes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let keywordThemes = model.keywordThemes ?? [:]
            self.keywordColumns = self.names.map { keywordThemes[$0].flatMap { columns[$0] } }
        }
    }

    /// What the model sees of a signal: the linear model's input (`ThemeModel.input`), with exemplars the vector they
    /// are compared with, and the keyword list's vote (how often the signal expresses a concept of each theme).
    private struct Evidence {
        let input: [(feature: String, value: Float, payload: [Float])]
        let vector: SparseVector?
        let keywords: [Double]?
    }

    /// What the model sees of a signal's features (see `Evidence`).
    private func evidence(_ features: [String]) -> Evidence {
        self.evidence(numbers: features.compactMap { self.features.numbers[$0] })
    }

    /// The evidence of the features numbered `numbers` (numbers of `FeatureTable`, a number per occurrence).
    private func evidence(numbers: [Int32]) -> Evidence {
        // How often each known feature occurs, in the order of their numbers.
        var sorted: [(key: Int, value: Int)] = []
        for number in numbers.sorted().lazy.map(Int.init) {
            if sorted.last?.key == number { sorted[sorted.count - 1].value += 1 } else { sorted.append((number, 1)) }
        }
        let input = ThemeModel.input(
            sorted: sorted.compactMap { number, count in self.features.weights[number].map { (self.features.names[number], count, $0) } },
            conceptWeight: self.model.conceptWeight)
        let vector = self.model.exemplars.map { exemplars in
            exemplars.vectorizer.vector(
                counts: sorted.compactMap { number, count in
                    self.features.exemplarTerms[number].map { ($0, count, self.features.exemplarBoosts[number]) }
                })
        }
        var keywords = [Double](repeating: 0, count: self.model.themes.count)
        for (number, count) in sorted { if let column = self.features.keywordColumns[number] { keywords[column] += Double(count) } }
        let total = keywords.reduce(0, +)
        return Evidence(input: input, vector: vector, keywords: total > 0 ? keywords.map { $0 / total } : nil)
    }

    /// The model shipped with Signaal (`Resources/theme-model.json`), decoded once per process.
    public static func standardModel() throws -> ThemeModel {
        try Self.shippedModel.get()
    }

    /// The shipped model's file as it is installed: what identifies it (`signaal.theme_models.digest`).
    public static func standardModelJSON() -> Data {
        Self.shippedJSON
    }

    private static let shippedJSON: Data = {
        guard let url = Bundle.module.url(forResource: "theme-model", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            preconditionFailure("theme-model.json is not installed with SignaalCluster")
        }
        return data
    }()

    private static let shippedModel = Result<ThemeModel, any Error> {
        try JSONDecoder().decode(ThemeModel.self, from: Self.shippedJSON)
    }

    /// The probability of each theme of the model (in `model.themes` order) for a signal's features.
    public func probabilities(_ features: [String]) -> [Double] {
        self.probabilities(self.evidence(features))
    }

    private func probabilities(_ evidence: Evidence) -> [Double] {
        var scores = self.model.bias
        for (_, value, weights) in evidence.input {
            for theme in scores.indices { scores[theme] += value * weights[theme] }
        }
        var probabilities = Self.softmax(scores).map(Double.init)
        if let exemplars = self.model.exemplars, let ballots = self.ballots, let vector = evidence.vector,
            let vote = exemplars.vote(vector, ballots: ballots)
        {
            let share = self.model.exemplarWeight
            probabilities = zip(probabilities, vote).map { (1 - share) * $0 + share * $1 }
        }
        if let share = self.model.keywordWeight, share > 0, let vote = evidence.keywords {
            probabilities = zip(probabilities, vote).map { (1 - share) * $0 + share * $1 }
        }
        return probabilities
    }

    /// Classifies a signal from its features; `submitted` themes, when given, are kept first and marked as the
    /// submitter's.
    public func classify(_ features: [String], submitted: [String] = []) -> ThemeClassification {
        self.classify(evidence: self.evidence(features), hasFeatures: !features.isEmpty, submitted: submitted)
    }

    /// Classifies a signal from its features as numbered by `analyzer(lexicon:)`: what `classify(_:submitted:)`
    /// decides for the same text.
    public func classify(_ features: SignalAnalyzer.NumberedFeatures, submitted: [String] = []) -> ThemeClassification {
        self.classify(evidence: self.evidence(numbers: features.numbers), hasFeatures: features.count > 0, submitted: submitted)
    }

    private func classify(
        evidence: Evidence, hasFeatures: Bool,
        submitted: [String]
    ) -> ThemeClassification {
        self.classification(
            probabilities: self.probabilities(evidence), hasFeatures: hasFeatures, input: evidence.input, submitted: submitted)
    }

    /// The classification that `probabilities` (for example averaged over a cluster) stand for.
    public func classification(probabilities: [Double], features: [String], submitted: [String] = []) -> ThemeClassification {
        self.classification(
            probabilities: probabilities, hasFeatures: !features.isEmpty, input: self.evidence(features).input, submitted: submitted)
    }

    private func classification(
        probabilities: [Double], hasFeatures: Bool, input: [(feature: String, value: Float, payload: [Float])], submitted: [String]
    ) -> ThemeClassification {
        let ranked = probabilities.enumerated().sorted { $0.element > $1.element }
        let top = ranked[0]
        let proposed = ranked.prefix(3).enumerated().filter { rank, entry in
            rank == 0 || (entry.element >= 0.15 && entry.element >= self.secondaryShare * top.element)
        }.map { ThemeAssignment(code: self.model.themes[$0.element.offset], confidence: $0.element.element, source: .classifier) }
        let decidingTerms = self.decidingTerms(input, theme: top.offset)
        guard submitted.isEmpty else {
            let own = submitted.prefix(3).map { ThemeAssignment(code: $0, confidence: 1, source: .submitter) }
            return ThemeClassification(
                themes: Array(own), decidingTerms: decidingTerms, needsReview: false, modelVersion: self.modelVersion)
        }
        // With no feature the model knows, the probabilities are only the priors: a person decides.
        let noEvidence = hasFeatures && input.isEmpty
        return ThemeClassification(
            themes: proposed, decidingTerms: decidingTerms,
            needsReview: noEvidence || top.element < self.model.reviewThreshold, modelVersion: self.modelVersion)
    }

    /// The features that pushed most towards `theme`, strongest first.
    private func decidingTerms(_ input: [(feature: String, value: Float, payload: [Float])], theme: Int, limit: Int = 5) -> [String] {
        let ranked =
            input
            .compactMap { feature, value, weights -> (String, Float)? in
                let weight = weights[theme]
                guard weight > 0 else { return nil }
                return (feature, weight * value)
            }
            .sorted { $0.1 > $1.1 }
        var terms: [String] = []
        for (feature, _) in ranked where terms.count < limit {
            let term = feature.first == SignalAnalyzer.conceptMarker ? String(feature.dropFirst()) : feature
            if !terms.contains(term) { terms.append(term) }
        }
        return terms
    }

    static func softmax(_ scores: [Float]) -> [Float] {
        let maximum = scores.max() ?? 0
        let exponentials = scores.map { Foundation.exp($0 - maximum) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { $0 / sum }
    }
}
