/// Average-linkage agglomerative clustering (UPGMA) by the nearest-neighbour chain algorithm, in O(n²) time and
/// memory: the similarity of two groups is the mean similarity of their members, and groups merge while that mean
/// stays at or above a threshold. Average linkage has no inversions, so cutting the full dendrogram at the threshold
/// equals merging greedily down to it.
public struct AverageLinkage: Sendable {
    /// Groups with a mean similarity below this stay apart.
    public let threshold: Float

    public init(threshold: Float) {
        self.threshold = threshold
    }

    /// The group number of each item, numbered from 0 in order of first appearance.
    /// - Parameters:
    ///   - similarity: the `count × count` similarity matrix, row by row (it is consumed as working memory).
    ///   - weights: how many signals each item stands for (1 for a signal, the size of a pre-grouped set otherwise).
    public func groups(similarity: inout [Float], count: Int, weights: [Float]? = nil) -> [Int] {
        precondition(similarity.count == count * count, "a square matrix")
        var size = weights ?? Array(repeating: 1, count: count)
        var active = Array(repeating: true, count: count)
        var parent = Array(0..<count)
        func root(_ item: Int) -> Int {
            var item = item
            while parent[item] != item {
                parent[item] = parent[parent[item]]
                item = parent[item]
            }
            return item
        }
        var merges: [(a: Int, b: Int, similarity: Float)] = []
        var chain: [Int] = []
        var remaining = count
        while remaining > 1 {
            if chain.isEmpty, let start = active.firstIndex(of: true) { chain.append(start) }
            let current = chain[chain.count - 1]
            let previous = chain.count >= 2 ? chain[chain.count - 2] : -1
            var best = previous
            var bestSimilarity = previous >= 0 ? similarity[current * count + previous] : -Float.infinity
            for other in 0..<count where active[other] && other != current {
                let value = similarity[current * count + other]
                if value > bestSimilarity {
                    best = other
                    bestSimilarity = value
                }
            }
            if best == previous {
                chain.removeLast(2)
                merges.append((current, previous, bestSimilarity))
                // Lance–Williams update for average linkage: the merged group lives on in `current`.
                let (sizeA, sizeB) = (size[current], size[previous])
                for other in 0..<count where active[other] && other != current && other != previous {
                    let merged =
                        (sizeA * similarity[current * count + other] + sizeB * similarity[previous * count + other])
                        / (sizeA + sizeB)
                    similarity[current * count + other] = merged
                    similarity[other * count + current] = merged
                }
                size[current] = sizeA + sizeB
                active[previous] = false
                remaining -= 1
            } else {
                chain.append(best)
            }
        }
        for merge in merges where merge.similarity >= self.threshold {
            parent[root(merge.b)] = root(merge.a)
        }
        var numbers: [Int: Int] = [:]
        return (0..<count).map { item in
            let group = root(item)
            if let number = numbers[group] { return number }
            numbers[group] = numbers.count
            return numbers.count - 1
        }
    }
}
