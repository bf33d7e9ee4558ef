/// A key that makes a submission safe to repeat: unique within its scope (`api`, `form`).
public struct IdempotencyKey: Sendable, Hashable, Codable {
    /// The channel the key belongs to: `api` or `form` (later `api:<key id>` per partner).
    public let scope: String
    /// The key as sent (1–255 characters).
    public let key: String

    public init(scope: String, key: String) {
        self.scope = scope
        self.key = key
    }
}
