/// A sparse vector of term weights: term numbers in ascending order with their weights.
public struct SparseVector: Sendable, Equatable, Codable {
    public let indices: [Int32]
    public let values: [Float]

    public init(indices: [Int32], values: [Float]) {
        precondition(indices.count == values.count, "one weight per term")
        self.indices = indices
        self.values = values
    }

    /// The same vector scaled to length 1 (the zero vector stays zero).
    public func normalized() -> SparseVector {
        let length = self.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 0 else { return self }
        return SparseVector(indices: self.indices, values: self.values.map { $0 / length })
    }

    /// The dot product; for normalised vectors, the cosine similarity.
    public func dot(_ other: SparseVector) -> Float {
        var (i, j) = (0, 0)
        var sum: Float = 0
        while i < self.indices.count && j < other.indices.count {
            if self.indices[i] == other.indices[j] {
                sum += self.values[i] * other.values[j]
                i += 1
                j += 1
            } else if self.indices[i] < other.indices[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The normalised mean of `vectors`: the centre of a cluster.
    public static func centroid(of vectors: [SparseVector]) -> SparseVector {
        self.sum(of: vectors).normalized()
    }

    /// The sum of `vectors`, not normalised.
    public static func sum(of vectors: [SparseVector]) -> SparseVector {
        var sums: [Int32: Float] = [:]
        for vector in vectors {
            for (index, value) in zip(vector.indices, vector.values) { sums[index, default: 0] += value }
        }
        let sorted = sums.sorted { $0.key < $1.key }
        return SparseVector(indices: sorted.map(\.key), values: sorted.map(\.value))
    }
}
