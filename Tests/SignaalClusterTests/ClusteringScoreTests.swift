import SignaalCluster
import Testing

@Suite struct ClusteringScoreTests {
    @Test func identicalClusteringsScorePerfectly() {
        let labels: [String?] = ["a", "a", "b", nil, "b"]
        let score = ClusteringScore(predicted: labels, reference: labels)
        #expect(score.adjustedRandIndex == 1)
        #expect(score.bCubedF1 == 1)
    }

    @Test func aWorkedExample() {
        let score = ClusteringScore(predicted: ["x", "x", "y", "y"], reference: ["a", "a", "a", "b"])
        #expect(abs(score.bCubedPrecision - 0.75) < 1e-9)
        #expect(abs(score.bCubedRecall - 2.0 / 3.0) < 1e-9)
        #expect(abs(score.adjustedRandIndex) < 1e-9)
    }

    @Test func unclusteredItemsAreClustersOfTheirOwn() {
        let score = ClusteringScore(predicted: [nil, nil, nil], reference: ["a", "a", "a"])
        #expect(score.bCubedPrecision == 1)
        #expect(abs(score.bCubedRecall - 1.0 / 3.0) < 1e-9)
    }
}
