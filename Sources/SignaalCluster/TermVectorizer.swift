import Foundation

/// TF-IDF weighting learnt from a collection: sublinear term frequency (1 + ln tf) times smoothed inverse document
/// frequency (ln((N + 1) / (df + 1)) + 1), vectors normalised to length 1. Terms seen in fewer documents than the
/// minimum are left out: they cannot connect two signals.
public struct TermVectorizer: Sendable, Codable, Equatable {
    /// Term → its number in the vectors.
    public let vocabulary: [String: Int32]
    /// Inverse document frequency per term number.
    public let inverseDocumentFrequency: [Float]

    /// Learns the vocabulary and weights from the terms of each document.
    public init(documents: [[String]], minimumDocumentFrequency: Int = 2) {
        var frequency: [String: Int] = [:]
        for document in documents {
            for term in Set(document) { frequency[term, default: 0] += 1 }
        }
        let kept = frequency.filter { $0.value >= minimumDocumentFrequency }.keys.sorted()
        var vocabulary: [String: Int32] = [:]
        for (number, term) in kept.enumerated() { vocabulary[term] = Int32(number) }
        let count = Double(documents.count)
        self.vocabulary = vocabulary
        self.inverseDocumentFrequency = kept.map { Float(Foundation.log((count + 1) / (Double(frequency[$0]!) + 1)) + 1) }
    }

    /// The normalised TF-IDF vector of a document's terms, each term's weight multiplied by `weight(term)`.
    public func vector(_ terms: [String], weight: (String) -> Float = { _ in 1 }) -> SparseVector {
        var counts: [Int32: (count: Int, boost: Float)] = [:]
        for term in terms {
            guard let number = self.vocabulary[term] else { continue }
            if let index = counts.index(forKey: number) {
                counts.values[index].count += 1
            } else {
                counts[number] = (1, weight(term))
            }
        }
        return self.vector(counts: counts.map { ($0.key, $0.value.count, $0.value.boost) })
    }

    /// The normalised TF-IDF vector of a document given how often each term number occurs in it and its weight.
    public func vector(counts: [(term: Int32, count: Int, boost: Float)]) -> SparseVector {
        let sorted = counts.sorted { $0.term < $1.term }
        return SparseVector(
            indices: sorted.map(\.term),
            values: sorted.map { Float(1 + Foundation.log(Double($0.count))) * self.inverseDocumentFrequency[Int($0.term)] * $0.boost }
        ).normalized()
    }

    /// The vector of a signal's features with terms and concepts weighed as two blocks: each block is normalised on
    /// its own, the concepts' then counts `conceptWeight` times the terms'. Concepts add to what the words say
    /// instead of drowning it: a signal without concepts keeps its whole length in its terms, and two signals that
    /// share their words stay close whatever concepts the lexicon finds in one of them.
    public func vector(features: [String], conceptWeight: Float) -> SparseVector {
        var terms: [Int32: Int] = [:]
        var concepts: [Int32: Int] = [:]
        for feature in features {
            guard let number = self.vocabulary[feature] else { continue }
            if feature.first == SignalAnalyzer.conceptMarker { concepts[number, default: 0] += 1 } else { terms[number, default: 0] += 1 }
        }
        let termBlock = self.vector(counts: terms.map { ($0.key, $0.value, 1) })
        let conceptBlock = self.vector(counts: concepts.map { ($0.key, $0.value, 1) })
        return SparseVector.sum(of: [
            termBlock, SparseVector(indices: conceptBlock.indices, values: conceptBlock.values.map { $0 * conceptWeight }),
        ])
        .normalized()
    }
}
