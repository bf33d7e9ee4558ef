import Foundation
import Synchronization

/// A token bucket per client: each client may make `limit` requests per minute, with bursts up to `limit`.
///
/// State lives in this daemon's memory: behind a load balancer with N daemons a client gets at most N times the
/// limit, which is what the limit is for (stopping floods and scripts gone wrong), not exact accounting.
final class RateLimiter: Sendable {
    /// Requests per minute per client.
    let limit: Int
    private let now: @Sendable () -> Date
    private let state = Mutex(State())
    /// Beyond this many clients, full buckets are forgotten.
    private let maximumClients = 10_000

    private struct Bucket {
        var tokens: Double
        var updatedAt: Date
    }

    private struct State {
        var buckets: [String: Bucket] = [:]
        var prunedAt = Date.distantPast
    }

    init(limit: Int, now: @escaping @Sendable () -> Date = { Date() }) {
        precondition(limit > 0, "a rate limiter needs a positive limit")
        self.limit = limit
        self.now = now
    }

    /// Takes a token for `client`, or tells how many seconds until one is available.
    func acquire(client: String) -> Decision {
        let now = self.now()
        let capacity = Double(self.limit)
        let perSecond = capacity / 60
        return self.state.withLock { state in
            var bucket = state.buckets[client] ?? Bucket(tokens: capacity, updatedAt: now)
            bucket.tokens = min(capacity, bucket.tokens + now.timeIntervalSince(bucket.updatedAt) * perSecond)
            bucket.updatedAt = now
            defer {
                state.buckets[client] = bucket
                // Forget clients whose bucket has filled up again; at most once a second, so a flood of new
                // addresses does not make every request pay for a scan.
                if state.buckets.count > self.maximumClients, now.timeIntervalSince(state.prunedAt) >= 1 {
                    state.buckets = state.buckets.filter {
                        $0.value.tokens + now.timeIntervalSince($0.value.updatedAt) * perSecond < capacity
                    }
                    state.prunedAt = now
                }
            }
            guard bucket.tokens >= 1 else {
                return .limited(retryAfterSeconds: Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
            }
            bucket.tokens -= 1
            return .allowed
        }
    }

    enum Decision: Equatable {
        case allowed
        case limited(retryAfterSeconds: Int)
    }
}
