public import SignaalCore

/// A recurring problem found by the clustering, with what a policy maker needs to judge it.
public struct RecurringProblem: Sendable, Equatable {
    public let id: String
    /// Dutch label from the cluster's distinctive terms.
    public let label: String
    /// Signal ids, most representative first.
    public let members: [String]
    /// Each member's cosine similarity to the cluster's centre, in the order of `members`.
    public let similarities: [Float]
    /// Themes of the cluster, primary first.
    public let themes: [ThemeAssignment]
    /// Regional platforms with signals in the cluster, most signals first.
    public let regions: [String]
    /// Distinct organisations that reported it (0 when unknown).
    public let organisationCount: Int
    public let firstSeen: CalendarDate?
    public let lastSeen: CalendarDate?
    public let emergence: EmergingProblemDetector.Assessment

    public var size: Int { self.members.count }
    /// The lowest member similarity: how close a new signal must be to join on arrival.
    public var admissionSimilarity: Float { self.similarities.min() ?? 1 }
    public var emerging: Bool { self.emergence.isEmerging }
    /// The signals that describe the problem best (closest to the cluster's centre).
    public var representatives: ArraySlice<String> { self.members.prefix(3) }
}

/// The themes and cluster of one signal.
public struct SignalOutcome: Sendable, Equatable {
    public let id: String
    /// The `RecurringProblem.id`, or `nil` when the signal fits no recurring problem.
    public let clusterID: String?
    public let classification: ThemeClassification
}

/// The whole analysis of a collection: themes for every signal, recurring problems, emerging ones. Pure: used by
/// `signaal cluster` on a file and by the recluster job on the database.
public struct ProblemAnalysis: Sendable {
    public let clusterer: RecurringProblemClusterer
    public let classifier: ThemeClassifier
    public let detector: EmergingProblemDetector
    private let lexicon: ConceptLexicon
    private let compoundVocabulary: Set<String>

    public init(
        parameters: RecurringProblemClusterer.Parameters = .init(), themeModel: ThemeModel, themeModelVersion: Int64? = nil,
        lexicon: ConceptLexicon = .standard, detector: EmergingProblemDetector = .init()
    ) {
        self.clusterer = RecurringProblemClusterer(analyzer: themeModel.analyzer(lexicon: lexicon), parameters: parameters)
        self.lexicon = lexicon
        self.compoundVocabulary = Set(themeModel.compoundVocabulary)
        self.classifier = ThemeClassifier(model: themeModel, version: themeModelVersion)
        self.detector = detector
    }

    /// The outcome of an analysis.
    public struct Outcome: Sendable {
        public let problems: [RecurringProblem]
        public let signals: [SignalOutcome]
        public let asOf: CalendarDate
        /// Per problem, the centre of its members' vectors, and the vectorizer they live in: what assigning a new
        /// signal on arrival needs.
        public let centroids: [SparseVector]
        public let vectorizer: TermVectorizer
        /// Seconds spent per stage (analysis, clustering, themes, description), for benchmarks.
        public let stageSeconds: [(stage: String, seconds: Double)]
        /// For each problem, the code a coordinator's curation keeps for it (`nil`: matched as usual).
        public let curatedCodes: [String?]
    }

    /// Clusters `records`, keeping what `curation` decided, and describes each problem and signal.
    public func analyse(
        _ records: [SignalRecord], asOf: CalendarDate, curation: ClusterCuration = .init(),
        clusterIDs: ([[Int]]) -> [String] = Self.numberedIDs
    )
        -> Outcome
    {
        var stages: [(stage: String, seconds: Double)] = []
        let clock = ContinuousClock()
        var lap = clock.now
        func stage(_ name: String) {
            let now = clock.now
            let elapsed = now - lap
            stages.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            lap = now
        }
        // One analysis serves the themes and the clustering. The collection's own words split its compounds (a sample
        // of evenly spread texts knows them well enough), so that a problem in words no labelled signal used still
        // shares terms; the theme model reads the parts it knows as it reads them in a labelled signal.
        let texts = records.map(\.text)
        let stride = max(1, texts.count / Self.vocabularySample)
        let sample = Swift.stride(from: 0, to: texts.count, by: stride).map { texts[$0] }
        let features = SignalAnalyzer(
            lexicon: self.lexicon, compoundVocabulary: self.compoundVocabulary.union(SignalAnalyzer.compoundVocabulary(of: sample)),
            splitsOnOneKnownPart: true
        ).features(texts)
        stage("analysis")
        let result = self.clusterer.cluster(features: features, constraints: curation.constraints(ids: records.map(\.id)))
        let (curatedClusters, curatedCodes) = curation.apply(
            to: result.clusters, ids: records.map(\.id), minimumSize: self.clusterer.parameters.minimumClusterSize)
        stage("clustering")
        let ownProbabilities = Array(zip(records, features)).concurrentChunks { chunk in
            chunk.map { record, features in
                record.submittedThemes.isEmpty ? self.classifier.probabilities(features) : self.oneHot(record.submittedThemes)
            }
        }
        stage("themes")
        // Members ordered by closeness to the centre: the first ones represent the cluster.
        let centroids = curatedClusters.map { members in SparseVector.centroid(of: members.map { result.vectors[$0] }) }
        let ranked = zip(curatedClusters, centroids).map { members, centre in
            members.map { (member: $0, similarity: result.vectors[$0].dot(centre)) }
                .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.member < $1.member }
        }
        let clusters = ranked.map { $0.map(\.member) }
        let ids = clusterIDs(clusters)
        let labels = ClusterLabeler().labels(clusters: clusters, features: features, texts: records.map(\.text))
        var clusterOf = [Int?](repeating: nil, count: records.count)
        var problems: [RecurringProblem] = []
        for (number, members) in clusters.enumerated() {
            for member in members { clusterOf[member] = number }
            let mean = Self.mean(members.map { ownProbabilities[$0] })
            let dates = members.compactMap { records[$0].observedOn }
            var regionCounts: [String: Int] = [:]
            for member in members { if let region = records[member].regionCode { regionCounts[region, default: 0] += 1 } }
            problems.append(
                RecurringProblem(
                    id: ids[number], label: labels[number], members: members.map { records[$0].id },
                    similarities: ranked[number].map(\.similarity),
                    themes: self.classifier.classification(probabilities: mean, features: []).themes,
                    regions: regionCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                    organisationCount: Set(members.compactMap { records[$0].organisation }).count,
                    firstSeen: dates.min(), lastSeen: dates.max(),
                    emergence: self.detector.assess(dates, asOf: asOf)))
        }
        let clusterIDs = clusterOf.map { $0.map { ids[$0] } }
        let signals = Array(records.indices).concurrentChunks { chunk in
            chunk.map { index in
                SignalOutcome(
                    id: records[index].id, clusterID: clusterIDs[index],
                    classification: self.classifier.classification(
                        probabilities: ownProbabilities[index], features: features[index],
                        submitted: records[index].submittedThemes))
            }
        }
        stage("description")
        return Outcome(
            problems: problems, signals: signals, asOf: asOf, centroids: centroids, vectorizer: result.vectorizer,
            stageSeconds: stages, curatedCodes: curatedCodes)
    }

    /// How many texts of a collection teach the clustering its compound parts.
    static let vocabularySample = 5000

    /// Offline cluster ids: `K001`, `K002`, … in order of size.
    public static func numberedIDs(_ clusters: [[Int]]) -> [String] {
        clusters.indices.map { "K" + String(repeating: "0", count: max(0, 3 - String($0 + 1).count)) + String($0 + 1) }
    }

    private func oneHot(_ themes: [String]) -> [Double] {
        let weights = themes.enumerated().map { $0.offset == 0 ? 1.0 : 0.5 }
        let total = weights.reduce(0, +)
        var probabilities = [Double](repeating: 0, count: self.classifier.model.themes.count)
        for (theme, weight) in zip(themes, weights) {
            if let index = self.classifier.model.themes.firstIndex(of: theme) { probabilities[index] += weight / total }
        }
        return probabilities
    }

    private static func mean(_ rows: [[Double]]) -> [Double] {
        guard let first = rows.first else { return [] }
        var sum = [Double](repeating: 0, count: first.count)
        for row in rows { for index in row.indices { sum[index] += row[index] } }
        return sum.map { $0 / Double(rows.count) }
    }
}
