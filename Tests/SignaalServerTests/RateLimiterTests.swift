import Foundation
import Synchronization
import Testing

@testable import SignaalServer

@Suite struct RateLimiterTests {
    final class ManualClock: Sendable {
        let instant = Mutex(Date(timeIntervalSince1970: 0))
        func advance(_ seconds: TimeInterval) { self.instant.withLock { $0 += seconds } }
        func now() -> Date { self.instant.withLock { $0 } }
    }

    @Test func allowsABurstUpToTheLimitThenTellsWhenToRetry() {
        let clock = ManualClock()
        let limiter = RateLimiter(limit: 3, now: clock.now)
        #expect(limiter.acquire(client: "a") == .allowed)
        #expect(limiter.acquire(client: "a") == .allowed)
        #expect(limiter.acquire(client: "a") == .allowed)
        #expect(limiter.acquire(client: "a") == .limited(retryAfterSeconds: 20))
        #expect(limiter.acquire(client: "b") == .allowed)
        clock.advance(20)
        #expect(limiter.acquire(client: "a") == .allowed)
        #expect(limiter.acquire(client: "a") == .limited(retryAfterSeconds: 20))
    }
}
