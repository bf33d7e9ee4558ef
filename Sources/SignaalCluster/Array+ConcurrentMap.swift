import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores in contiguous chunks; the order of the results is the order of `self`.
    func concurrentMap<Mapped: Sendable>(_ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        let chunkCount = Swift.min(Swift.max(1, self.count / 256), 64)
        guard chunkCount > 1 else { return self.map(transform) }
        let chunkSize = (self.count + chunkCount - 1) / chunkCount
        let results = ChunkResults<Mapped>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<Swift.min(self.count, (chunk + 1) * chunkSize)
            results.store(self[range].map(transform), at: chunk)
        }
        return results.joined()
    }
}

/// The per-chunk results of `concurrentMap`, each slot written by exactly one chunk.
private final class ChunkResults<Value: Sendable>: @unchecked Sendable {
    private var chunks: [[Value]]

    init(count: Int) {
        self.chunks = Array<[Value]>(repeating: [], count: count)
    }

    func store(_ values: [Value], at chunk: Int) {
        // Distinct chunks write distinct slots of a pre-sized array; concurrentPerform joins before `joined()`.
        self.chunks.withUnsafeMutableBufferPointer { $0[chunk] = values }
    }

    func joined() -> [Value] { self.chunks.flatMap { $0 } }
}
