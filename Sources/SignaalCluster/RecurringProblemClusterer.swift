/// Groups signals that describe the same recurring problem: each signal becomes a TF-IDF vector of its terms and
/// concepts, the vectors are grouped by average linkage, and groups smaller than a minimum stay unclustered — a
/// problem reported once or twice is not yet a recurring one.
public struct RecurringProblemClusterer: Sendable {
    /// The knobs of the clustering, with the values measured on the development set (see BENCHMARKS.md).
    public struct Parameters: Sendable, Equatable {
        /// How much the concepts of a signal count beside its terms: each block is normalised on its own (see
        /// `TermVectorizer.vector(features:conceptWeight:)`), then the concepts' is weighed by this.
        public var conceptWeight: Float = 0.6
        /// The mean cosine similarity at which two groups still merge.
        public var threshold: Float = 0.2
        /// Groups smaller than this are left unclustered.
        public var minimumClusterSize: Int = 3
        /// Collections up to this size are clustered exactly; larger ones by sampling this many per round.
        public var exactLimit: Int = 3000
        /// Sampling rounds for large collections.
        public var rounds: Int = 4

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
    ///
    /// Up to `exactLimit` signals, average linkage runs on all pairs. Beyond, it runs on a sample of that size
    /// (Buckshot, Cutting et al. 1992): every other signal joins the nearest cluster centre it is as close to as
    /// the cluster's least typical sampled member; the signals that fit nothing are sampled and clustered again, for
    /// a few rounds, so problems missing from the first sample are still found. Time grows with n × clusters
    /// instead of n².
    ///
    /// `constraints` (signal position → the problem code a coordinator pinned it to, `nil`: kept out of every problem,
    /// see ``ClusterCuration/constraints(ids:)``) steer average linkage: signals pinned to one code count as identical
    /// (must-link), signals pinned to different codes, or kept out, can never share a group (cannot-link).
    public func cluster(features: [[String]], constraints: [Int: String?] = [:]) -> Result {
        let vectorizer = TermVectorizer(documents: features, minimumDocumentFrequency: 2)
        let vectors = features.map { self.vector($0, vectorizer: vectorizer) }
        var clusters: [[Int]] = []
        var remaining = Array(vectors.indices)
        var generator = SplitMix64(seed: 0x5349_474E_4141_4C21)  // reproducible samples
        for _ in 0..<self.parameters.rounds {
            guard remaining.count >= self.parameters.minimumClusterSize else { break }
            let sample =
                remaining.count <= self.parameters.exactLimit
                ? remaining
                : Array(remaining.shuffled(using: &generator).prefix(self.parameters.exactLimit))
            let found = self.averageLinkage(sample.map { vectors[$0] }, constraints: Self.constraints(constraints, in: sample))
                .map { $0.map { sample[$0] } }
            guard !found.isEmpty else { break }
            let sampled = Set(sample)
            let others = remaining.filter { !sampled.contains($0) }
            let (joined, unfit) = NearestCentre(clusters: found, vectors: vectors, dimension: vectorizer.vocabulary.count)
                .assign(others, vectors: vectors)
            clusters += joined
            let clustered = Set(found.joined())
            remaining = sample.filter { !clustered.contains($0) } + unfit
            if others.isEmpty { break }
        }
        if vectors.count > self.parameters.exactLimit { clusters = self.mergedAcrossRounds(clusters, vectors: vectors) }
        clusters.sort { $0.count != $1.count ? $0.count > $1.count : $0.min()! < $1.min()! }
        return Result(clusters: clusters, vectorizer: vectorizer, vectors: vectors)
    }

    /// Continues average linkage over the clusters of all rounds, so that one problem found in two samples becomes
    /// one cluster. The mean similarity of two groups is exact from their summed vectors: ΣA·ΣB / (|A| |B|).
    private func mergedAcrossRounds(_ clusters: [[Int]], vectors: [SparseVector]) -> [[Int]] {
        guard clusters.count > 1 else { return clusters }
        let sums = clusters.map { SparseVector.sum(of: $0.map { vectors[$0] }) }
        let count = clusters.count
        var similarity = [Float](repeating: 1, count: count * count)
        for row in 0..<count {
            for column in (row + 1)..<count {
                let value = sums[row].dot(sums[column]) / Float(clusters[row].count * clusters[column].count)
                similarity[row * count + column] = value
                similarity[column * count + row] = value
            }
        }
        let groups = AverageLinkage(threshold: self.parameters.threshold)
            .groups(similarity: &similarity, count: count, weights: clusters.map { Float($0.count) })
        var merged: [Int: [Int]] = [:]
        for (cluster, group) in groups.enumerated() { merged[group, default: []] += clusters[cluster] }
        return Array(merged.values)
    }

    /// The constraints of the signals at `positions`, renumbered by their place in it.
    private static func constraints(_ constraints: [Int: String?], in positions: [Int]) -> [Int: String?] {
        guard !constraints.isEmpty else { return [:] }
        var local: [Int: String?] = [:]
        for (place, position) in positions.enumerated() { if let pin = constraints[position] { local[place] = pin } }
        return local
    }

    /// Average linkage over all pairs of `vectors`, with `constraints` by position: the groups of at least the
    /// minimum size, as positions.
    private func averageLinkage(_ vectors: [SparseVector], constraints: [Int: String?]) -> [[Int]] {
        let count = vectors.count
        guard count > 1 else { return [] }
        var similarity = [Float](repeating: 0, count: count * count)
        for row in 0..<count {
            similarity[row * count + row] = 1
            for column in (row + 1)..<count {
                let value = vectors[row].dot(vectors[column])
                similarity[row * count + column] = value
                similarity[column * count + row] = value
            }
        }
        let members = LinkConstraints(pins: constraints)
            .groups(similarity: &similarity, count: count, linkage: AverageLinkage(threshold: self.parameters.threshold))
        return members.filter { $0.count >= self.parameters.minimumClusterSize }.sorted { $0[0] < $1[0] }
    }

    /// The weighted, normalised vector of one signal's features.
    public func vector(_ features: [String], vectorizer: TermVectorizer) -> SparseVector {
        vectorizer.vector(features: features, conceptWeight: self.parameters.conceptWeight)
    }
}
