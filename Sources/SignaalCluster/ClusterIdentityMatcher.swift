/// Keeps cluster identities stable across reclusterings: each new cluster takes the code of the old cluster it
/// shares most members with, one to one, when they share enough (Jaccard index at least `minimumJaccard`). Old
/// clusters left without a match are retired; new clusters without one get a new code.
public struct ClusterIdentityMatcher: Sendable {
    /// Share of the union two clusters must have in common to be the same problem. Default: 0.3.
    public var minimumJaccard = 0.3

    public init() {}

    /// For each new cluster (lists of signal ids), the code of the old cluster it continues, or `nil` when new.
    /// A cluster with a `curated` code keeps that code, and no other cluster takes it.
    public func match(old: [(code: String, members: Set<String>)], new: [[String]], curated: [String?] = []) -> [String?] {
        let kept = Set(curated.compactMap { $0 })
        let old = old.filter { !kept.contains($0.code) }
        var clusterOfSignal: [String: Int] = [:]
        for (index, cluster) in old.enumerated() { for member in cluster.members { clusterOfSignal[member] = index } }
        var candidates: [(new: Int, old: Int, jaccard: Double)] = []
        for (newIndex, members) in new.enumerated() where (newIndex < curated.count ? curated[newIndex] : nil) == nil {
            var shared: [Int: Int] = [:]
            for member in members { if let oldIndex = clusterOfSignal[member] { shared[oldIndex, default: 0] += 1 } }
            for (oldIndex, count) in shared {
                let union = members.count + old[oldIndex].members.count - count
                candidates.append((newIndex, oldIndex, Double(count) / Double(union)))
            }
        }
        var result = new.indices.map { $0 < curated.count ? curated[$0] : nil }
        var taken = Set<Int>()
        for candidate in candidates.sorted(by: { $0.jaccard != $1.jaccard ? $0.jaccard > $1.jaccard : ($0.new, $0.old) < ($1.new, $1.old) })
        where candidate.jaccard >= self.minimumJaccard && result[candidate.new] == nil && !taken.contains(candidate.old) {
            result[candidate.new] = old[candidate.old].code
            taken.insert(candidate.old)
        }
        return result
    }
}
