import Foundation
import SignaalStore
import SignaalTesting
import Synchronization
import Testing

@Suite struct ConnectionPoolTests {
    @Test func neverOpensMoreConnectionsThanItsMaximum() async throws {
        try await withTestDatabase { database in
            try await ConnectionPool.withPool(
                database: database.configuration, configuration: .init(maximumConnections: 3)
            ) { pool in
                let backends = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            try await pool.withConnection(logger: .test) { connection in
                                try connection.execute("SELECT pg_sleep(0.05)")
                                return try connection.fetchOne("SELECT pg_backend_pid()").decode(Int.self, at: 0)
                            }
                        }
                    }
                    return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
                }
                #expect(backends.count <= 3)
                #expect(pool.usage.open <= 3)
            }
        }
    }

    @Test func waitingLongerThanTheAcquireTimeoutFails() async throws {
        try await withTestDatabase { database in
            try await ConnectionPool.withPool(
                database: database.configuration,
                configuration: .init(maximumConnections: 1, acquireTimeout: .milliseconds(100))
            ) { pool in
                // The holder says when it has the pool's one connection; only then does the second caller ask. It
                // keeps the connection until that caller has given up (at most 30 s), so a slow machine cannot hand
                // the connection over before the timeout fires.
                let (held, holding) = AsyncStream.makeStream(of: Void.self)
                let waiterIsDone = Mutex(false)
                async let holder: Void = pool.withConnection(logger: .test) { connection in
                    holding.yield()
                    let deadline = ContinuousClock.now + .seconds(30)
                    while !waiterIsDone.withLock({ $0 }) && ContinuousClock.now < deadline {
                        try connection.execute("SELECT pg_sleep(0.02)")
                    }
                }
                var iterator = held.makeAsyncIterator()
                await iterator.next()
                let error = try await #require(throws: PostgresError.self) {
                    try await pool.withConnection(logger: .test) { _ in }
                }
                waiterIsDone.withLock { $0 = true }
                #expect(error.code == .timeout)
                try await holder
            }
        }
    }

    @Test func aClosedPoolRefusesWork() async throws {
        try await withTestDatabase { database in
            let pool = ConnectionPool(database: database.configuration)
            await pool.close()
            let error = try await #require(throws: PostgresError.self) {
                try await pool.withConnection(logger: .test) { _ in }
            }
            #expect(error.code == .poolClosed)
        }
    }

    @Test func blockingWorkRunsOffTheCooperativeThreads() async throws {
        try await withTestDatabase { database in
            let threadName = try await database.pool.withConnection(logger: .test) { _ in
                Self.currentThreadName()
            }
            #expect(threadName.hasPrefix("TP-#"))
        }
    }

    /// The calling thread's name as the system knows it: NIO names its pool threads "TP-#<n>". Linux keeps it in
    /// /proc (Glibc's Swift overlay lacks `pthread_getname_np`); Darwin has `pthread_getname_np`.
    static func currentThreadName() -> String {
        #if os(Linux)
        return (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines) ?? ""
        #else
        var name = [CChar](repeating: 0, count: 64)
        pthread_getname_np(pthread_self(), &name, name.count)
        return String(cString: name)
        #endif
    }
}
