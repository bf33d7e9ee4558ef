/// Assigns signals to the nearest of a set of clusters, with each cluster's centre held as a dense array so that
/// one comparison costs the signal's number of terms: the bulk step of clustering a large collection.
struct NearestCentre {
    private let centres: [[Float]]
    private let admission: [Float]
    private var members: [[Int]]

    /// - Parameters: clusters as signal positions into `vectors`; `dimension` is the vocabulary size.
    init(clusters: [[Int]], vectors: [SparseVector], dimension: Int) {
        var centres: [[Float]] = []
        var admission: [Float] = []
        for cluster in clusters {
            let centroid = SparseVector.centroid(of: cluster.map { vectors[$0] })
            var dense = [Float](repeating: 0, count: dimension)
            for (index, value) in zip(centroid.indices, centroid.values) { dense[Int(index)] = value }
            centres.append(dense)
            admission.append(cluster.map { vectors[$0].dot(centroid) }.min() ?? 1)
        }
        self.centres = centres
        self.admission = admission
        self.members = clusters
    }

    /// The clusters grown by the signals at `positions` that fit one, and the positions that fit none.
    func assign(_ positions: [Int], vectors: [SparseVector]) -> (clusters: [[Int]], unfit: [Int]) {
        var members = self.members
        var unfit: [Int] = []
        for position in positions {
            let vector = vectors[position]
            var best = -1
            var bestSimilarity: Float = 0
            for (number, centre) in self.centres.enumerated() {
                var similarity: Float = 0
                for (index, value) in zip(vector.indices, vector.values) { similarity += value * centre[Int(index)] }
                if similarity > bestSimilarity {
                    best = number
                    bestSimilarity = similarity
                }
            }
            if best >= 0, bestSimilarity >= self.admission[best] {
                members[best].append(position)
            } else {
                unfit.append(position)
            }
        }
        return (members, unfit)
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so that sampled clusterings are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
