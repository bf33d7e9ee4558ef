import Foundation
import SignaalText

/// Names a cluster by its distinctive terms, c-TF-IDF style: a term scores by the share of the cluster's signals
/// that use it times how rare it is in the whole collection, so "budgetmeter · opladen · stroom" names a cluster
/// where "OCMW" (everywhere) does not. Stems are shown as the word the signals wrote most often; concepts of the
/// lexicon count too and are shown by their name.
public struct ClusterLabeler: Sendable {
    /// Terms in a label.
    public var termCount = 3
    /// How many members (the first, most typical ones) are read to spell the label's words.
    public var spellingSample = 40

    public init() {}

    /// Labels for `clusters` (lists of signal positions, most typical first) given every signal's features and text.
    public func labels(clusters: [[Int]], features: [[String]], texts: [String]) -> [String] {
        var documentFrequency: [String: Int] = [:]
        for signal in features { for feature in Set(signal) { documentFrequency[feature, default: 0] += 1 } }
        let total = Double(features.count)
        let analyzer = TermAnalyzer()
        let stemmer = DutchStemmer()
        return clusters.map { members in
            var inCluster: [String: Int] = [:]
            for member in members { for feature in Set(features[member]) { inCluster[feature, default: 0] += 1 } }
            let ranked = inCluster.filter { $0.value >= 2 || members.count < 3 }.map { feature, count in
                (feature, Double(count) / Double(members.count) * Foundation.log(1 + total / Double(documentFrequency[feature]!)))
            }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            // The written word behind each stem, as the cluster's most typical signals spell it most often.
            var surfaces: [String: [String: Int]] = [:]
            for member in members.prefix(self.spellingSample) {
                for token in analyzer.tokens(texts[member]) where token.count >= 3 {
                    let stem = DutchTokenizer.abbreviations.contains(token) ? token : stemmer.stem(token)
                    surfaces[stem, default: [:]][token, default: 0] += 1
                }
            }
            var words: [String] = []
            for (feature, _) in ranked where words.count < self.termCount {
                let word =
                    feature.first == SignalAnalyzer.conceptMarker
                    ? feature.dropFirst().replacingOccurrences(of: "-", with: " ")
                    : surfaces[feature]?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? feature
                if !words.contains(where: { $0.lowercased().contains(word.lowercased()) || word.lowercased().contains($0.lowercased()) }) {
                    words.append(word)
                }
            }
            return words.joined(separator: " · ")
        }
    }
}
