/// How well a clustering matches a reference one: the Adjusted Rand Index and B-cubed precision, recall and F1.
///
/// Items left unclustered (label `nil`) count as clusters of their own, in both clusterings, as the evaluation of
/// recurring problems asks ("a singleton is a cluster of exactly one").
public struct ClusteringScore: Sendable, Equatable {
    public let adjustedRandIndex: Double
    public let bCubedPrecision: Double
    public let bCubedRecall: Double
    public var bCubedF1: Double {
        let sum = self.bCubedPrecision + self.bCubedRecall
        return sum > 0 ? 2 * self.bCubedPrecision * self.bCubedRecall / sum : 0
    }

    /// Scores `predicted` against `reference`; both give one label per item, in the same order.
    public init(predicted: [String?], reference: [String?]) {
        precondition(predicted.count == reference.count, "both clusterings label the same items")
        let predictedIDs = Self.clusterIDs(predicted)
        let referenceIDs = Self.clusterIDs(reference)
        let count = predicted.count

        var precision = 0.0
        var recall = 0.0
        var predictedMembers: [Int: [Int]] = [:]
        var referenceMembers: [Int: [Int]] = [:]
        for item in 0..<count {
            predictedMembers[predictedIDs[item], default: []].append(item)
            referenceMembers[referenceIDs[item], default: []].append(item)
        }
        for item in 0..<count {
            let samePredicted = predictedMembers[predictedIDs[item]]!
            let sameReference = referenceMembers[referenceIDs[item]]!
            let both = samePredicted.filter { referenceIDs[$0] == referenceIDs[item] }.count
            precision += Double(both) / Double(samePredicted.count)
            recall += Double(both) / Double(sameReference.count)
        }
        self.bCubedPrecision = count > 0 ? precision / Double(count) : 1
        self.bCubedRecall = count > 0 ? recall / Double(count) : 1

        // Adjusted Rand Index from the contingency table.
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        var table: [[Int]: Int] = [:]
        for item in 0..<count { table[[predictedIDs[item], referenceIDs[item]], default: 0] += 1 }
        let index = table.values.reduce(0) { $0 + pairs($1) }
        let predictedPairs = predictedMembers.values.reduce(0) { $0 + pairs($1.count) }
        let referencePairs = referenceMembers.values.reduce(0) { $0 + pairs($1.count) }
        let expected = count > 1 ? predictedPairs * referencePairs / pairs(count) : 0
        let maximum = (predictedPairs + referencePairs) / 2
        self.adjustedRandIndex = maximum - expected != 0 ? (index - expected) / (maximum - expected) : 1
    }

    /// Dense cluster numbers; every `nil` gets a number of its own.
    private static func clusterIDs(_ labels: [String?]) -> [Int] {
        var numbers: [String: Int] = [:]
        var next = 0
        return labels.map { label in
            defer { next += 1 }
            guard let label else { return -(next + 1) }
            if let number = numbers[label] { return number }
            numbers[label] = next
            return next
        }
    }
}
