import HummingbirdBcrypt
import NIOPosix

/// bcrypt (hummingbird-auth's `HummingbirdBcrypt`) on NIO's blocking thread pool: a hash at cost 12 takes a quarter
/// of a second of CPU, which must not hold one of Swift's few cooperative threads.
public struct PasswordHasher: Sendable {
    /// bcrypt's cost: 2^cost rounds. Never below 12.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = max(cost, 12)
    }

    /// The password's bcrypt hash (`$2b$12$…`).
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash no password matches, checked when an e-mail address is unknown so that the answer takes as long.
    static let unmatchable = "$2b$12$" + String(repeating: "A", count: 53)
}
