/// The vocabularies a submission is checked against: themes, policy levels, regional platforms and the
/// municipalities behind each postcode of Flanders and Brussels.
///
/// The store loads it from the reference tables at start-up (`sql/` is their single source of truth); tests build it
/// as a literal.
public struct ReferenceData: Sendable {
    /// Themes in taxonomy order.
    public let themes: [Theme]
    /// Policy levels from local to European.
    public let policyLevels: [PolicyLevel]
    /// The six regional platforms.
    public let regions: [Region]
    private let municipalitiesByPostcode: [Postcode: [Municipality]]
    private let themesByCode: [String: Theme]
    private let policyLevelsByCode: [String: PolicyLevel]
    private let regionsByCode: [String: Region]

    public init(
        themes: [Theme],
        policyLevels: [PolicyLevel],
        regions: [Region],
        municipalitiesByPostcode: [Postcode: [Municipality]]
    ) {
        self.themes = themes
        self.policyLevels = policyLevels
        self.regions = regions
        self.municipalitiesByPostcode = municipalitiesByPostcode
        self.themesByCode = Dictionary(themes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.policyLevelsByCode = Dictionary(policyLevels.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.regionsByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The theme with this code, if the taxonomy has it.
    public func theme(code: String) -> Theme? { self.themesByCode[code] }

    /// The policy level with this code, if there is one.
    public func policyLevel(code: String) -> PolicyLevel? { self.policyLevelsByCode[code] }

    /// The regional platform with this code, if there is one.
    public func region(code: String) -> Region? { self.regionsByCode[code] }

    /// Where a postcode lies: its municipality (`nil` when it covers several) and its regional platform, or `nil`
    /// when the postcode is not one of Flanders or Brussels.
    public func locate(_ postcode: Postcode) -> (municipality: Municipality?, region: Region)? {
        guard let municipalities = self.municipalitiesByPostcode[postcode], let first = municipalities.first,
            let region = self.regionsByCode[first.regionCode]
        else { return nil }
        return (municipalities.count == 1 ? first : nil, region)
    }
}
