/// The labelled signals a theme model was built from, kept as vectors (stems and concepts, never text): a new signal
/// also takes the themes of the most similar labelled signals, weighted by similarity. This catches what a linear
/// model misses — a school bill sent to a debt collector is about school, not about debt — and explains itself by
/// the examples it resembles.
public struct ThemeExemplars: Sendable, Codable, Equatable {
    public let vectorizer: TermVectorizer
    public let vectors: [SparseVector]
    /// Themes of each exemplar, primary first.
    public let themes: [[String]]
    /// How much more a concept counts than a term (as in clustering).
    public let conceptWeight: Float
    /// How many of the most similar exemplars vote.
    public let neighbours: Int
    /// The exemplars each term occurs in, with its weight there, term after term: those of term `t` at
    /// `postingStarts[t]..<postingStarts[t + 1]`.
    private let postings: [(exemplar: Int32, weight: Float)]
    private let postingStarts: [Int]

    public init(features: [[String]], themes: [[String]], conceptWeight: Float, neighbours: Int) {
        let vectorizer = TermVectorizer(documents: features, minimumDocumentFrequency: 2)
        let vectors = features.map { vectorizer.vector($0) { $0.first == SignalAnalyzer.conceptMarker ? conceptWeight : 1 } }
        self.init(vectorizer: vectorizer, vectors: vectors, themes: themes, conceptWeight: conceptWeight, neighbours: neighbours)
    }

    private init(vectorizer: TermVectorizer, vectors: [SparseVector], themes: [[String]], conceptWeight: Float, neighbours: Int) {
        self.vectorizer = vectorizer
        self.vectors = vectors
        self.themes = themes
        self.conceptWeight = conceptWeight
        self.neighbours = neighbours
        var postings = [[(exemplar: Int32, weight: Float)]](repeating: [], count: vectorizer.vocabulary.count)
        for (exemplar, vector) in vectors.enumerated() {
            for (index, value) in zip(vector.indices, vector.values) { postings[Int(index)].append((Int32(exemplar), value)) }
        }
        self.postings = postings.flatMap { $0 }
        self.postingStarts = postings.reduce(into: [0]) { starts, term in starts.append(starts[starts.count - 1] + term.count) }
    }

    enum CodingKeys: String, CodingKey {
        case vectorizer, vectors, themes, neighbours
        case conceptWeight = "concept_weight"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            vectorizer: try container.decode(TermVectorizer.self, forKey: .vectorizer),
            vectors: try container.decode([SparseVector].self, forKey: .vectors),
            themes: try container.decode([[String]].self, forKey: .themes),
            conceptWeight: try container.decode(Float.self, forKey: .conceptWeight),
            neighbours: try container.decode(Int.self, forKey: .neighbours))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.vectorizer, forKey: .vectorizer)
        try container.encode(self.vectors, forKey: .vectors)
        try container.encode(self.themes, forKey: .themes)
        try container.encode(self.conceptWeight, forKey: .conceptWeight)
        try container.encode(self.neighbours, forKey: .neighbours)
    }

    public static func == (left: ThemeExemplars, right: ThemeExemplars) -> Bool {
        left.vectorizer == right.vectorizer && left.vectors == right.vectors && left.themes == right.themes
            && left.conceptWeight == right.conceptWeight && left.neighbours == right.neighbours
    }

    /// What each exemplar's themes count for in `vote`, as columns of `themeOrder`: the primary theme fully,
    /// secondary ones half (themes `themeOrder` lacks count for nothing).
    func ballots(themeOrder: [String: Int]) -> Ballots {
        Ballots(
            columns: themeOrder.count,
            votes: self.themes.map { themes in
                themes.enumerated().compactMap { rank, theme in themeOrder[theme].map { ($0, rank == 0 ? 1 : 0.5) } }
            })
    }

    /// The exemplars' themes as columns of a classifier's themes (see `ballots(themeOrder:)`).
    struct Ballots: Sendable {
        let columns: Int
        let votes: [[(column: Int, share: Double)]]
    }

    /// The vote of the exemplars most similar to `vector` (a signal in this vectorizer's terms, concepts weighted):
    /// a weight per column of `ballots` summing to 1, or `nil` when no exemplar resembles the signal at all.
    func vote(_ vector: SparseVector, ballots: Ballots) -> [Double]? {
        var similarity = [Float](repeating: 0, count: self.themes.count)
        var touched: [Int32] = []
        similarity.withUnsafeMutableBufferPointer { similarity in
            self.postings.withUnsafeBufferPointer { postings in
                for (index, value) in zip(vector.indices, vector.values) {
                    // Exemplar numbers come from the model's own vectors: always below the number of exemplars.
                    for posting in postings[self.postingStarts[Int(index)]..<self.postingStarts[Int(index) + 1]] {
                        let exemplar = Int(posting.exemplar)
                        if similarity[exemplar] == 0 { touched.append(posting.exemplar) }
                        similarity[exemplar] += value * posting.weight
                    }
                }
            }
        }
        let nearest = Self.mostSimilar(touched, similarity, count: self.neighbours)
        guard !nearest.isEmpty else { return nil }
        var votes = [Double](repeating: 0, count: ballots.columns)
        for (exemplar, value) in nearest {
            for (column, share) in ballots.votes[Int(exemplar)] { votes[column] += Double(value * value) * share }
        }
        let total = votes.reduce(0, +)
        return total > 0 ? votes.map { $0 / total } : nil
    }

    /// The `count` exemplars of `candidates` most similar, most similar first (ties: lower number first), in one pass.
    private static func mostSimilar(_ candidates: [Int32], _ similarity: [Float], count: Int) -> [(key: Int32, value: Float)] {
        var best: [(key: Int32, value: Float)] = []
        best.reserveCapacity(count + 1)
        for exemplar in candidates {
            let value = similarity[Int(exemplar)]
            guard value != 0 else { continue }
            guard best.count < count || Self.precedes((exemplar, value), best[best.count - 1]) else { continue }
            let position = best.firstIndex { !Self.precedes($0, (exemplar, value)) } ?? best.count
            best.insert((exemplar, value), at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    private static func precedes(_ left: (key: Int32, value: Float), _ right: (key: Int32, value: Float)) -> Bool {
        left.value != right.value ? left.value > right.value : left.key < right.key
    }
}
