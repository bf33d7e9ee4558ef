import Foundation

/// The rows of an import on their way to the connection that loads them: the import adds them as they are prepared
/// (reserved ahead, or for the loader to reserve), the loader takes them in order and waits while none is ready.
///
/// `@unchecked Sendable`: every stored property is read and written under `condition`.
final class ImportFeed: @unchecked Sendable {
    /// Rows ready to load, or rows the loader reserves ids and tracking codes for itself.
    enum Delivery {
        case reserved(ImportBatch)
        case unreserved([ImportStore.Row])
    }

    private let condition = NSCondition()
    private var batches: [Delivery] = []
    private var isFinished = false
    private var cancelled = false

    /// Hands over the next rows, in file order.
    func add(_ batch: Delivery) {
        self.condition.withLock {
            self.batches.append(batch)
            self.condition.signal()
        }
    }

    /// Says that no rows follow.
    func finish() {
        self.condition.withLock {
            self.isFinished = true
            self.condition.broadcast()
        }
    }

    /// Says that the rows will not all come (the import stops), or that a loading connection failed: the load
    /// fails and nothing of it is committed.
    func cancel() {
        self.condition.withLock {
            self.cancelled = true
            self.condition.broadcast()
        }
    }

    /// Whether the load failed or was stopped: rows added now are never loaded.
    var isCancelled: Bool {
        self.condition.withLock { self.cancelled }
    }

    /// The next rows, waiting for them; nil once the feed is finished and empty.
    /// - Throws: `CancellationError` once the feed is cancelled.
    func next() throws -> Delivery? {
        try self.condition.withLock {
            while self.batches.isEmpty && !self.isFinished && !self.cancelled { self.condition.wait() }
            if self.cancelled { throw CancellationError() }
            return self.batches.isEmpty ? nil : self.batches.removeFirst()
        }
    }
}
