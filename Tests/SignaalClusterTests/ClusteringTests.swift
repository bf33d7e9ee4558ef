import SignaalCluster
import Testing

@Suite struct ClusteringTests {
    @Test func averageLinkageMergesWhileTheMeanSimilarityHolds() {
        // Items 0-1-2 close together, 3-4 close, 5 alone.
        let rows: [[Float]] = [
            [1, 0.9, 0.8, 0.1, 0.0, 0.0],
            [0.9, 1, 0.85, 0.1, 0.1, 0.0],
            [0.8, 0.85, 1, 0.0, 0.1, 0.1],
            [0.1, 0.1, 0.0, 1, 0.7, 0.1],
            [0.0, 0.1, 0.1, 0.7, 1, 0.0],
            [0.0, 0.0, 0.1, 0.1, 0.0, 1],
        ]
        var matrix = rows.flatMap { $0 }
        #expect(AverageLinkage(threshold: 0.5).groups(similarity: &matrix, count: 6) == [0, 0, 0, 1, 1, 2])
        var strict = rows.flatMap { $0 }
        #expect(AverageLinkage(threshold: 0.95).groups(similarity: &strict, count: 6) == [0, 1, 2, 3, 4, 5])
    }

    static let problems = [
        ["budgetmeter", "stroom", "opladen", "winter"], ["laptop", "school", "secundair", "toestel"],
        ["referentieadres", "dakloos", "OCMW", "inschrijving"],
    ]

    /// Signals made of a problem's words plus noise words of their own.
    static func features(count: Int) -> (features: [[String]], problem: [Int]) {
        var features: [[String]] = []
        var problem: [Int] = []
        for number in 0..<count {
            let words = Self.problems[number % 3]
            features.append([words[number % 4], words[(number + 1) % 4], words[(number + 2) % 4], "ruis\(number)"])
            problem.append(number % 3)
        }
        return (features, problem)
    }

    @Test func theSampledPathFindsTheSameProblemsAsTheExactOne() {
        let (features, problem) = Self.features(count: 60)
        var parameters = RecurringProblemClusterer.Parameters()
        let exact = RecurringProblemClusterer(analyzer: SignalAnalyzer(), parameters: parameters).cluster(features: features)
        parameters.exactLimit = 20
        let sampled = RecurringProblemClusterer(analyzer: SignalAnalyzer(), parameters: parameters).cluster(features: features)
        for result in [exact, sampled] {
            #expect(result.clusters.count == 3, "\(result.clusters.map { $0.map { problem[$0] } })")
            for cluster in result.clusters { #expect(Set(cluster.map { problem[$0] }).count == 1) }
            #expect(result.clusters.map(\.count).reduce(0, +) == 60)
        }
    }

    @Test func identitiesFollowTheLargestOverlap() {
        let old: [(code: String, members: Set<String>)] = [
            ("P0001", ["1", "2", "3", "4"]), ("P0002", ["5", "6", "7"]), ("P0003", ["8", "9", "10"]),
        ]
        let new = [["5", "6", "7", "11"], ["1", "2", "3"], ["12", "13", "14"]]
        #expect(ClusterIdentityMatcher().match(old: old, new: new) == ["P0002", "P0001", nil])
        // A cluster split in two continues in the half closest to it (Jaccard 2/4 against 2/5).
        #expect(ClusterIdentityMatcher().match(old: old, new: [["1", "2"], ["3", "4", "15"]]) == ["P0001", nil])
    }

    @Test func anArrivingSignalJoinsOnlyAClusterItFits() {
        let (features, _) = Self.features(count: 30)
        let clusterer = RecurringProblemClusterer(analyzer: SignalAnalyzer())
        let result = clusterer.cluster(features: features)
        let centroids = result.clusters.map { SparseVector.centroid(of: $0.map { result.vectors[$0] }) }
        let assigner = ClusterAssigner(
            runID: 1, vectorizer: result.vectorizer,
            clusters: centroids.enumerated().map { .init(id: Int64($0.offset), centroid: $0.element, admissionSimilarity: 0.3) },
            conceptWeight: clusterer.parameters.conceptWeight)
        let joined = assigner.assign(["budgetmeter", "stroom", "opladen"])
        #expect(joined != nil)
        #expect(result.clusters[Int(joined!.clusterID)].contains(0), "signal 0 is a budget-meter signal")
        #expect(assigner.assign(["postkantoor", "dorp"]) == nil)
    }

    @Test func coordinatorsPinsSteerTheClusteringItself() {
        let (features, problem) = Self.features(count: 60)
        let clusterer = RecurringProblemClusterer(analyzer: SignalAnalyzer())
        let ids = features.indices.map(String.init)
        // Cannot-link: two budget-meter signals pinned to different problems; kept out: a third; must-link: a laptop
        // signal and a reference-address signal pinned to one problem.
        let pins: [String: String?] = ["0": "P0001", "3": "P0002", "6": .none, "1": "P0003", "2": "P0003"]
        let curation = ClusterCuration(pins: pins)
        let result = clusterer.cluster(features: features, constraints: curation.constraints(ids: ids))
        let clusterOf = result.assignments(count: features.count)
        #expect(problem[0] == problem[3] && problem[3] == problem[6] && problem[1] != problem[2])
        #expect(clusterOf[0] != nil && clusterOf[3] != nil && clusterOf[0] != clusterOf[3])
        #expect(clusterOf[6] == nil)
        #expect(clusterOf[1] != nil && clusterOf[1] == clusterOf[2])
        // Without the pins, the first three are one problem and the last two are not.
        let plain = clusterer.cluster(features: features).assignments(count: features.count)
        #expect(plain[0] == plain[3] && plain[3] == plain[6] && plain[1] != plain[2])
    }
}
