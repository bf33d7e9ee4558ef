import Foundation

/// Builds a `ThemeModel` from labelled signals and the concept lexicon: multinomial logistic regression by full-batch
/// gradient descent, with an L2 penalty that pulls each weight towards the lexicon's prior instead of towards zero.
/// A concept the lexicon assigns to a theme therefore votes for it even when the labelled signals never used it.
///
/// Targets: a signal with one theme has target 1 for it; with more, the primary theme gets `primaryShare` and the
/// others share the rest, so the model learns to rank the primary theme first and still proposes secondary ones.
public struct ThemeModelTrainer: Sendable {
    /// One labelled signal: its features and its themes, primary first.
    public struct Example: Sendable {
        public let features: [String]
        public let themes: [String]

        public init(features: [String], themes: [String]) {
            self.features = features
            self.themes = themes
        }
    }

    public var conceptWeight: Float = 3
    public var regularisation: Float = 0.002
    public var iterations = 300
    public var learningRate: Float = 4
    public var primaryShare: Float = 0.85
    /// Prior weight of a concept for the first theme the lexicon lists; later themes get half.
    public var lexiconPrior: Float = 12
    public var reviewThreshold = 0.45
    /// Share of the vote of the most similar labelled signals (0 switches it off), and how many vote.
    public var exemplarWeight = 0.5
    public var neighbours = 5
    /// Share of the lexicon's keyword vote (see `ThemeModel.keywordWeight`), chosen on grouped folds.
    public var keywordWeight = 0.5
    /// Terms seen in fewer training signals are left out of the model.
    public var minimumDocumentFrequency = 2

    public init() {}

    /// Trains a model for `themes` (taxonomy order); examples with a theme outside it are an error.
    /// - Parameter compoundVocabulary: the stems the examples' compounds were split into, kept with the model.
    public func train(
        _ examples: [Example], themes: [String], lexicon: ConceptLexicon, compoundVocabulary: Set<String> = [], trainedOn: String
    ) throws -> ThemeModel {
        let themeIndex = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
        for (number, example) in examples.enumerated() {
            guard !example.themes.isEmpty else { throw ThemeModelError.noThemes(example: number + 1) }
            if let unknown = example.themes.first(where: { themeIndex[$0] == nil }) {
                throw ThemeModelError.unknownTheme(unknown, example: number + 1)
            }
        }
        // Vocabulary: frequent enough terms, and every concept of the lexicon.
        var documentFrequency: [String: Int] = [:]
        for example in examples { for feature in Set(example.features) { documentFrequency[feature, default: 0] += 1 } }
        var features = Set(documentFrequency.filter { $0.value >= self.minimumDocumentFrequency }.keys)
        features.formUnion(lexicon.concepts.map { "\(SignalAnalyzer.conceptMarker)\($0.name)" })
        let featureList = features.sorted()
        let featureIndex = Dictionary(uniqueKeysWithValues: featureList.enumerated().map { ($1, $0) })
        let themeCount = themes.count

        var prior = [Float](repeating: 0, count: featureList.count * themeCount)
        for concept in lexicon.concepts {
            guard let row = featureIndex["\(SignalAnalyzer.conceptMarker)\(concept.name)"] else { continue }
            for (rank, theme) in concept.themes.enumerated() {
                guard let column = themeIndex[theme] else { continue }
                prior[row * themeCount + column] = rank == 0 ? self.lexiconPrior : self.lexiconPrior / 2
            }
        }
        let inputs: [[(Int, Float)]] = examples.map { example in
            var counts: [String: (count: Int, payload: Int)] = [:]
            for feature in example.features {
                guard let index = featureIndex[feature] else { continue }
                counts[feature, default: (0, index)].count += 1
            }
            return ThemeModel.input(counts: counts, conceptWeight: self.conceptWeight).map { ($0.payload, $0.value) }
        }
        let targets: [[Float]] = examples.map { example in
            var target = [Float](repeating: 0, count: themeCount)
            let others = example.themes.dropFirst()
            target[themeIndex[example.themes[0]]!] = others.isEmpty ? 1 : self.primaryShare
            for theme in others { target[themeIndex[theme]!] += (1 - self.primaryShare) / Float(others.count) }
            return target
        }

        var weights = prior
        var bias = [Float](repeating: 0, count: themeCount)
        let scale = 1 / Float(max(examples.count, 1))
        for _ in 0..<self.iterations {
            var gradient = [Float](repeating: 0, count: weights.count)
            var biasGradient = [Float](repeating: 0, count: themeCount)
            for (input, target) in zip(inputs, targets) {
                let probabilities = ThemeClassifier.softmax(Self.scores(input, weights, bias, themeCount))
                for theme in 0..<themeCount {
                    let error = (probabilities[theme] - target[theme]) * scale
                    biasGradient[theme] += error
                    for (row, value) in input { gradient[row * themeCount + theme] += value * error }
                }
            }
            for index in weights.indices {
                weights[index] -= self.learningRate * (gradient[index] + self.regularisation * (weights[index] - prior[index]))
            }
            for theme in 0..<themeCount { bias[theme] -= self.learningRate * biasGradient[theme] }
        }

        var table: [String: [Float]] = [:]
        for (row, feature) in featureList.enumerated() {
            let slice = Array(weights[(row * themeCount)..<((row + 1) * themeCount)])
            if slice.contains(where: { abs($0) >= 0.001 }) { table[feature] = slice.map { ($0 * 10_000).rounded() / 10_000 } }
        }
        return ThemeModel(
            themes: themes, bias: bias.map { ($0 * 10_000).rounded() / 10_000 }, weights: table,
            conceptWeight: self.conceptWeight, reviewThreshold: self.reviewThreshold, trainedOn: trainedOn,
            exemplars: self.exemplarWeight > 0
                ? ThemeExemplars(
                    features: examples.map(\.features), themes: examples.map(\.themes), conceptWeight: self.conceptWeight,
                    neighbours: self.neighbours)
                : nil,
            exemplarWeight: self.exemplarWeight, compoundVocabulary: compoundVocabulary.sorted(), keywordWeight: self.keywordWeight,
            keywordThemes: KeywordThemeList.themes(of: lexicon))
    }

    private static func scores(_ input: [(Int, Float)], _ weights: [Float], _ bias: [Float], _ themeCount: Int) -> [Float] {
        var scores = bias
        for (row, value) in input {
            for theme in 0..<themeCount { scores[theme] += value * weights[row * themeCount + theme] }
        }
        return scores
    }
}

/// Labelled signals that cannot train a theme model.
public enum ThemeModelError: Error, CustomStringConvertible, Equatable {
    case noThemes(example: Int)
    case unknownTheme(String, example: Int)

    public var description: String {
        switch self {
        case .noThemes(let example): "signal \(example): no themes; every labelled signal needs at least one"
        case .unknownTheme(let theme, let example): "signal \(example): theme '\(theme)' is not in the taxonomy"
        }
    }
}

extension ThemeModelTrainer {
    /// The theme codes of the taxonomy of the Vlaams Platform Sterk Sociaal Werk, in its order (as `signaal.themes`).
    public static let taxonomyThemes = [
        "wonen", "voorwaardelijkheid", "onderbescherming", "inkomen-schulden", "energie-water", "gezondheid", "jeugd",
        "werk", "digitale-kloof", "onderwijs-opvang", "migratie", "mobiliteit", "discriminatie", "duurzaamheid",
        "structurele-uitsluiting",
    ]
}
