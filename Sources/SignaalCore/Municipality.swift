/// A municipality of Flanders or Brussels as it stands after the 2025 mergers, from `signaal.municipalities`.
public struct Municipality: Hashable, Sendable, Codable {
    /// The statistical REFNIS code (NIS code) of Statbel, e.g. `"44021"` for Gent.
    public let refnisCode: String
    /// The Dutch name.
    public let name: String
    /// The code of the regional platform the municipality belongs to.
    public let regionCode: String

    public init(refnisCode: String, name: String, regionCode: String) {
        self.refnisCode = refnisCode
        self.name = name
        self.regionCode = regionCode
    }
}
