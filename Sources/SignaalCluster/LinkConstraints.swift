/// Coordinators' pins as constraints on average linkage: signals pinned to one problem start as one group (must-link),
/// and signals pinned to different problems, or kept out of every problem, can never share a group (cannot-link).
struct LinkConstraints {
    /// Position → the problem code it is pinned to, `nil`: kept out of every problem.
    let pins: [Int: String?]

    /// What a cannot-link pair counts as: so far below any similarity that no mean containing it reaches a threshold,
    /// and finite, so that averaging it stays arithmetic.
    static let cannotLink: Float = -1e9

    /// The groups of `count` items under these constraints, as positions: average linkage over the must-link
    /// groups (weighted by their size) with the cannot-link pairs made impossible. `similarity` is the full
    /// `count × count` matrix (consumed).
    func groups(similarity: inout [Float], count: Int, linkage: AverageLinkage) -> [[Int]] {
        guard !self.pins.isEmpty else {
            var members: [Int: [Int]] = [:]
            for (item, group) in linkage.groups(similarity: &similarity, count: count).enumerated() {
                members[group, default: []].append(item)
            }
            return Array(members.values)
        }
        let pinned = self.pins.sorted { $0.key < $1.key }
        for (first, (row, rowPin)) in pinned.enumerated() {
            if rowPin == nil {
                for column in 0..<count where column != row { Self.set(&similarity, row, column, count, Self.cannotLink) }
            }
            for (column, columnPin) in pinned[(first + 1)...] where rowPin == nil || columnPin == nil || rowPin != columnPin {
                Self.set(&similarity, row, column, count, Self.cannotLink)
            }
        }
        var byCode: [String: [Int]] = [:]
        for (position, pin) in pinned { if let code = pin { byCode[code, default: []].append(position) } }
        let together = Set(byCode.values.filter { $0.count > 1 }.joined())
        let items =
            byCode.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] } + (0..<count).filter { !together.contains($0) }.map { [$0] }
        var reduced = [Float](repeating: 1, count: items.count * items.count)
        for (row, a) in items.enumerated() {
            for column in (row + 1)..<items.count {
                let b = items[column]
                var sum: Float = 0
                for i in a { for j in b { sum += similarity[i * count + j] } }
                Self.set(&reduced, row, column, items.count, sum / Float(a.count * b.count))
            }
        }
        let groups = linkage.groups(similarity: &reduced, count: items.count, weights: items.map { Float($0.count) })
        var members: [Int: [Int]] = [:]
        for (item, group) in groups.enumerated() { members[group, default: []] += items[item] }
        return members.values.map { $0.sorted() }
    }

    private static func set(_ matrix: inout [Float], _ row: Int, _ column: Int, _ count: Int, _ value: Float) {
        matrix[row * count + column] = value
        matrix[column * count + row] = value
    }
}
