/// What coordinators decided about recurring problems, for every recluster to keep: signals pinned to a problem's
/// code, or kept out of every problem. Renaming keeps a problem's row (and so its title); merging and splitting are
/// pins of the signals concerned, so they hold as well.
public struct ClusterCuration: Sendable, Equatable {
    /// Signal id → the code of the problem it stays in; `nil`: in no problem.
    public var pins: [String: String?]

    public init(pins: [String: String?] = [:]) {
        self.pins = pins
    }

    /// The computed clusters (indices into `ids`) with the curation applied, and the code each must keep (`nil`:
    /// matched to the old problems as usual).
    ///
    /// A computed cluster goes to the code most of its pinned members are pinned to, and its unpinned members —
    /// new signals among them — join that problem with it; pinned signals go to their code wherever the
    /// clustering put them, and signals kept out leave. Clusters without pins that fall below `minimumSize` after
    /// that are dissolved; curated problems stay whatever their size.
    public func apply(to clusters: [[Int]], ids: [String], minimumSize: Int) -> (clusters: [[Int]], codes: [String?]) {
        guard !self.pins.isEmpty else { return (clusters, clusters.map { _ in nil }) }
        var pinOf: [Int: String?] = [:]
        for (index, id) in ids.enumerated() { if let pin = self.pins[id] { pinOf[index] = pin } }
        var curated: [String: [Int]] = [:]
        var plain: [[Int]] = []
        for cluster in clusters {
            var counts: [String: Int] = [:]
            for member in cluster { if case .some(.some(let code)) = pinOf[member] { counts[code, default: 0] += 1 } }
            let code = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            let unpinned = cluster.filter { pinOf[$0] == nil }
            if let code {
                curated[code, default: []] += unpinned
            } else if unpinned.count >= minimumSize {
                plain.append(unpinned)
            }
        }
        for (index, pin) in pinOf { if let code = pin { curated[code, default: []].append(index) } }
        let codes = curated.keys.sorted()
        return (plain + codes.map { curated[$0, default: []].sorted() }, plain.map { _ in nil } + codes.map { $0 })
    }

    /// The pins as constraints for the clustering, by position in `ids`: signals pinned to one code must link,
    /// signals pinned to different codes cannot, and a signal kept out of every problem links with nothing.
    public func constraints(ids: [String]) -> [Int: String?] {
        guard !self.pins.isEmpty else { return [:] }
        var constraints: [Int: String?] = [:]
        for (index, id) in ids.enumerated() { if let pin = self.pins[id] { constraints[index] = pin } }
        return constraints
    }
}
