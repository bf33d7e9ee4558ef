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
    private let postings: [[(exemplar: Int32, weight: Float)]]

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
        self.postings = postings
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

    /// The vote of the most similar exemplars: a weight per theme of `themeOrder` summing to 1 (the primary theme
    /// of an exemplar counts fully, secondary ones half), or `nil` when no exemplar resembles the signal at all.
    public func vote(_ features: [String], themeOrder: [String: Int]) -> [Double]? {
        let vector = self.vectorizer.vector(features) { $0.first == SignalAnalyzer.conceptMarker ? self.conceptWeight : 1 }
        var similarity: [Int32: Float] = [:]
        for (index, value) in zip(vector.indices, vector.values) {
            for posting in self.postings[Int(index)] { similarity[posting.exemplar, default: 0] += value * posting.weight }
        }
        let nearest = similarity.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(self.neighbours)
        guard !nearest.isEmpty else { return nil }
        var votes = [Double](repeating: 0, count: themeOrder.count)
        for (exemplar, value) in nearest {
            for (rank, theme) in self.themes[Int(exemplar)].enumerated() {
                if let column = themeOrder[theme] { votes[column] += Double(value * value) * (rank == 0 ? 1 : 0.5) }
            }
        }
        let total = votes.reduce(0, +)
        return total > 0 ? votes.map { $0 / total } : nil
    }
}
