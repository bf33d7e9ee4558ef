import Dispatch

extension Array where Element: Sendable {
    /// Transforms the array chunk by chunk, the chunks spread over the machine's cores; the results keep the order
    /// of `self`. Each chunk is transformed by one call, so the transform can keep a cache for its chunk.
    package func concurrentChunks<Mapped: Sendable>(
        of chunkSize: Int = 512,
        _ transform: @Sendable (ArraySlice<Element>) -> [Mapped]
    ) -> [Mapped] {
        let chunkCount = (self.count + chunkSize - 1) / chunkSize
        guard chunkCount > 1 else { return transform(self[...]) }
        let results = ChunkResults<Mapped>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<Swift.min(self.count, (chunk + 1) * chunkSize)
            results.store(transform(self[range]), at: chunk)
        }
        return results.joined()
    }
}

/// The per-chunk results of `concurrentChunks`, each slot written by exactly one chunk.
private final class ChunkResults<Value: Sendable>: @unchecked Sendable {
    private var chunks: [[Value]]

    init(count: Int) {
        self.chunks = [[Value]](repeating: [], count: count)
    }

    func store(_ values: [Value], at chunk: Int) {
        // Distinct chunks write distinct slots of a pre-sized array; concurrentPerform returns after every chunk.
        self.chunks.withUnsafeMutableBufferPointer { $0[chunk] = values }
    }

    func joined() -> [Value] { self.chunks.flatMap { $0 } }
}
