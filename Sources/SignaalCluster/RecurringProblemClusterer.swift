/// Groups signals that describe the same recurring problem: each signal becomes a TF-IDF vector of its terms and
/// concepts, the vectors are grouped by average linkage, and groups smaller than a minimum stay unclustered — a
/// problem reported once or twice is not yet a recurring one.
public struct RecurringProblemClusterer: Sendable {
    /// The knobs of the clustering, with the values measured on the development set (see BENCHMARKS.md).
    public struct Parameters: Sendable, Equatable {
        /// How much more a concept counts than a single term.
        public var conceptWeight: Float = 1.5
        /// The mean cosine similarity at which two groups still merge.
        public var threshold: Float = 0.2
        /// Groups smaller than this are left unclustered.
        public var minimumClusterSize: Int = 3

        public init() {}
    }

    public let analyzer: SignalAnalyzer
    public let parameters: Parameters

    public init(analyzer: SignalAnalyzer, parameters: Parameters = Parameters()) {
        self.analyzer = analyzer
        self.parameters = parameters
    }

    /// The outcome of one clustering: the clusters as lists of signal positions, largest first.
    public struct Result: Sendable {
        public let clusters: [[Int]]
        public let vectorizer: TermVectorizer
        public let vectors: [SparseVector]

        /// The cluster number of each signal, `nil` when unclustered.
        public func assignments(count: Int) -> [Int?] {
            var assignments = [Int?](repeating: nil, count: count)
            for (number, members) in self.clusters.enumerated() {
                for member in members { assignments[member] = number }
            }
            return assignments
        }
    }

    /// Clusters the signals whose analysed features are `features` (see `SignalAnalyzer.features`).
    public func cluster(features: [[String]]) -> Result {
        let vectorizer = TermVectorizer(documents: features, minimumDocumentFrequency: 2)
        let vectors = features.map { self.vector($0, vectorizer: vectorizer) }
        let count = vectors.count
        var similarity = [Float](repeating: 0, count: count * count)
        for row in 0..<count {
            similarity[row * count + row] = 1
            for column in (row + 1)..<max(row + 1, count) {
                let value = vectors[row].dot(vectors[column])
                similarity[row * count + column] = value
                similarity[column * count + row] = value
            }
        }
        let groups = count > 1
            ? AverageLinkage(threshold: self.parameters.threshold).groups(similarity: &similarity, count: count)
            : Array(repeating: 0, count: count)
        var members: [Int: [Int]] = [:]
        for (signal, group) in groups.enumerated() { members[group, default: []].append(signal) }
        let clusters = members.values.filter { $0.count >= self.parameters.minimumClusterSize }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        return Result(clusters: clusters, vectorizer: vectorizer, vectors: vectors)
    }

    /// The weighted, normalised vector of one signal's features.
    public func vector(_ features: [String], vectorizer: TermVectorizer) -> SparseVector {
        let conceptWeight = self.parameters.conceptWeight
        return vectorizer.vector(features) { $0.first == SignalAnalyzer.conceptMarker ? conceptWeight : 1 }
    }
}
