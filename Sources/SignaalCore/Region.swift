/// One of the six regional platforms of the Vlaams Platform Sterk Sociaal Werk, from `signaal.regions`.
public struct Region: Hashable, Sendable, Codable {
    /// The platform code (`antwerpen`, `brussel`, …), as `region` in the `analytics` views.
    public let code: String
    /// The Dutch name, e.g. "Regionaal Platform Limburg".
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
