public import Logging
import NIOPosix
public import ServiceLifecycle
import Synchronization

/// A bounded pool of libpq connections whose blocking calls run on the pool's own threads, never on Swift's
/// cooperative threads.
///
/// The pool opens connections lazily, up to ``Configuration/maximumConnections``, and hands each to one caller at a
/// time. As a `Service` it closes its connections when the service group shuts down.
public final class ConnectionPool: Service, Sendable {
    /// How large the pool is and how long a caller waits for a connection.
    public struct Configuration: Sendable {
        /// Connections (and threads) at most. Default: 8.
        public var maximumConnections: Int
        /// How long a caller waits for a free connection before ``PostgresError/Code/timeout``. Default: 10 s.
        public var acquireTimeout: Duration

        public init(maximumConnections: Int = 8, acquireTimeout: Duration = .seconds(10)) {
            precondition(maximumConnections > 0, "a pool needs at least one connection")
            self.maximumConnections = maximumConnections
            self.acquireTimeout = acquireTimeout
        }
    }

    /// The database the pool connects to.
    public let database: DatabaseConfiguration
    public let configuration: Configuration
    private let threadPool: NIOThreadPool
    private let state = Mutex(State())

    private struct State {
        var idle: [PooledConnection] = []
        var openCount = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Lease, any Error>)] = []
        var expiredWaiters: Set<UInt64> = []
        var nextWaiterID: UInt64 = 0
        var isClosed = false
    }

    /// What a caller gets: an idle connection, or the right to open a new one.
    private enum Lease: Sendable {
        case existing(PooledConnection)
        case openNew
    }

    /// A connection as it moves between callers; only one holds it at a time.
    private final class PooledConnection: @unchecked Sendable {
        let connection: Connection
        init(_ connection: Connection) { self.connection = connection }
    }

    public init(database: DatabaseConfiguration, configuration: Configuration = .init()) {
        self.database = database
        self.configuration = configuration
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.maximumConnections)
        self.threadPool.start()
    }

    /// Runs `body` with a connection of its own, on one of the pool's threads.
    ///
    /// A transaction that `body` leaves open is rolled back before the connection goes back to the pool.
    /// - Throws: what `body` throws, or ``PostgresError`` when no connection can be had.
    public func withConnection<Value: Sendable>(
        logger: Logger,
        _ body: @escaping @Sendable (Connection) throws -> Value
    ) async throws -> Value {
        let pooled = try await self.acquire(logger: logger)
        do {
            let value = try await self.threadPool.runIfActive {
                defer { pooled.connection.rollBackOpenTransaction() }
                return try body(pooled.connection)
            }
            self.release(pooled)
            return value
        } catch {
            self.release(pooled)
            throw error
        }
    }

    /// Closes idle connections, fails waiting callers and stops the threads once the service group shuts down.
    public func run() async throws {
        try? await gracefulShutdown()
        await self.close()
    }

    /// Closes the pool: no new connections; connections in use close when they come back.
    public func close() async {
        let (idle, waiters) = self.state.withLock { state in
            state.isClosed = true
            defer {
                state.openCount -= state.idle.count
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: Self.closedError) }
        // The idle connections are finished (Connection's deinit) here, outside the lock.
        withExtendedLifetime(idle) {}
        try? await self.threadPool.shutdownGracefully()
    }

    /// Connections open right now (idle or in use) and those idle, for health reports and metrics.
    public var usage: (open: Int, idle: Int) {
        self.state.withLock { ($0.openCount, $0.idle.count) }
    }

    private static let closedError = PostgresError(code: .poolClosed, message: "the connection pool is closed")

    private func acquire(logger: Logger) async throws -> PooledConnection {
        let maximum = self.configuration.maximumConnections
        let immediate: Result<Lease, any Error>? = self.state.withLock { state in
            if state.isClosed { return .failure(Self.closedError) }
            if let connection = state.idle.popLast() { return .success(.existing(connection)) }
            if state.openCount < maximum {
                state.openCount += 1
                return .success(.openNew)
            }
            return nil
        }
        let lease: Lease
        if let immediate {
            lease = try immediate.get()
        } else {
            lease = try await self.waitForLease()
        }
        switch lease {
        case .existing(let pooled):
            return pooled
        case .openNew:
            do {
                let database = self.database
                let pooled = try await self.threadPool.runIfActive {
                    PooledConnection(try Connection(configuration: database))
                }
                logger.debug("Opened a database connection", metadata: ["db.pool.open": "\(self.usage.open)"])
                return pooled
            } catch {
                self.giveUpSlot()
                logger.warning("Could not open a database connection", metadata: ["error": "\(error)"])
                throw error
            }
        }
    }

    private func waitForLease() async throws -> Lease {
        let id = self.state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let timeout = self.configuration.acquireTimeout
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.expireWaiter(id)
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let immediate: Result<Lease, any Error>? = self.state.withLock { state in
                if state.isClosed { return .failure(Self.closedError) }
                if state.expiredWaiters.remove(id) != nil { return .failure(Self.timeoutError(timeout)) }
                if let connection = state.idle.popLast() { return .success(.existing(connection)) }
                state.waiters.append((id, continuation))
                return nil
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }

    private func expireWaiter(_ id: UInt64) {
        let waiter = self.state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else {
                state.expiredWaiters.insert(id)
                return nil as CheckedContinuation<Lease, any Error>?
            }
            return state.waiters.remove(at: index).continuation
        }
        waiter?.resume(throwing: Self.timeoutError(self.configuration.acquireTimeout))
    }

    private static func timeoutError(_ timeout: Duration) -> PostgresError {
        PostgresError(code: .timeout, message: "no database connection became free within \(timeout)")
    }

    /// Returns a connection: to the next waiter, to the idle list, or closed when broken or the pool is closed.
    private func release(_ pooled: PooledConnection) {
        let isHealthy = pooled.connection.isHealthy
        let handOver = self.state.withLock { state -> (CheckedContinuation<Lease, any Error>, Lease)? in
            guard !state.isClosed else {
                state.openCount -= 1
                return nil
            }
            guard isHealthy else {
                state.openCount -= 1
                guard !state.waiters.isEmpty else { return nil }
                state.openCount += 1
                return (state.waiters.removeFirst().continuation, .openNew)
            }
            guard !state.waiters.isEmpty else {
                state.idle.append(pooled)
                return nil
            }
            return (state.waiters.removeFirst().continuation, .existing(pooled))
        }
        if let (continuation, lease) = handOver { continuation.resume(returning: lease) }
    }

    /// Gives back the right to open a connection after opening failed: the next waiter may try.
    private func giveUpSlot() {
        let waiter = self.state.withLock { state -> CheckedContinuation<Lease, any Error>? in
            guard !state.isClosed, !state.waiters.isEmpty else {
                state.openCount -= 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume(returning: .openNew)
    }
}

extension Connection {
    /// Rolls back a transaction the caller left open, so that the next caller starts clean.
    func rollBackOpenTransaction() {
        if self.isInTransaction { try? self.execute(unsafeSQL: "ROLLBACK") }
    }
}
