/// The level of government a signal addresses (`lokaal`, `vlaams`, `federaal`, `europees`), from `signaal.policy_levels`.
public struct PolicyLevel: Hashable, Sendable, Codable {
    public let code: String
    /// The Dutch name shown to people.
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
