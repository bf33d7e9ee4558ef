/// A theme of the taxonomy (`wonen`, `energie-water`, …), from `signaal.themes`.
public struct Theme: Hashable, Sendable, Codable {
    /// The stable code used in the API, the form and the `analytics` views.
    public let code: String
    /// The Dutch name shown to people.
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
