import Foundation

/// The rows of an import on their way from the workers that prepare them to the connection that loads them: the
/// workers add batches as they finish, the loader takes them in order and waits while none is ready.
///
/// `@unchecked Sendable`: every stored property is read and written under `condition`.
public final class ImportFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[ImportStore.Row]] = []
    private var isFinished = false
    private var isCancelled = false

    public init() {}

    /// A feed that holds `rows` and nothing more: for loading rows prepared earlier.
    public convenience init(_ rows: [ImportStore.Row]) {
        self.init()
        self.add(rows)
        self.finish()
    }

    /// Hands over the next rows, in file order.
    public func add(_ rows: [ImportStore.Row]) {
        self.condition.withLock {
            self.batches.append(rows)
            self.condition.signal()
        }
    }

    /// Says that no rows follow.
    public func finish() {
        self.condition.withLock {
            self.isFinished = true
            self.condition.broadcast()
        }
    }

    /// Says that the rows will not all come: the load fails and nothing of it is committed.
    public func cancel() {
        self.condition.withLock {
            self.isCancelled = true
            self.condition.broadcast()
        }
    }

    /// The next batch, waiting for it; nil once the feed is finished and empty.
    /// - Throws: `CancellationError` once the feed is cancelled.
    func next() throws -> [ImportStore.Row]? {
        try self.condition.withLock {
            while self.batches.isEmpty && !self.isFinished && !self.isCancelled { self.condition.wait() }
            if self.isCancelled { throw CancellationError() }
            return self.batches.isEmpty ? nil : self.batches.removeFirst()
        }
    }
}
