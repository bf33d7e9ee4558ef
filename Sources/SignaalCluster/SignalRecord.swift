public import SignaalCore

/// One signal as the clustering sees it, from the database or from a line of a JSON Lines file:
/// `{"id", "text", "postcode", "observed_on", "themes"?}`.
public struct SignalRecord: Sendable, Equatable, Decodable {
    public let id: String
    public let text: String
    public let postcode: Postcode?
    public let observedOn: CalendarDate?
    /// The themes the submitter chose, primary first; empty when they chose none.
    public let submittedThemes: [String]
    /// The organisation that reported it, where known: distinct organisations weigh as evidence.
    public let organisation: String?

    public init(
        id: String, text: String, postcode: Postcode?, observedOn: CalendarDate?, submittedThemes: [String] = [],
        organisation: String? = nil
    ) {
        self.id = id
        self.text = text
        self.postcode = postcode
        self.observedOn = observedOn
        self.submittedThemes = submittedThemes
        self.organisation = organisation
    }

    /// The regional platform of the postcode, if it lies in Flanders or Brussels.
    public var regionCode: String? { self.postcode.flatMap(Region.code(forPostcode:)) }

    enum CodingKeys: String, CodingKey {
        case id, text, postcode, themes, organisation
        case observedOn = "observed_on"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decode(Int.self, forKey: .id) {
            self.id = String(number)
        } else {
            self.id = try container.decode(String.self, forKey: .id)
        }
        self.text = try container.decode(String.self, forKey: .text)
        let postcode = try container.decodeIfPresent(String.self, forKey: .postcode)
        self.postcode = postcode.flatMap(Postcode.init)
        if postcode != nil, self.postcode == nil {
            throw DecodingError.dataCorruptedError(forKey: .postcode, in: container, debugDescription: "not a Belgian postcode")
        }
        self.observedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .observedOn)
        self.submittedThemes = try container.decodeIfPresent([String].self, forKey: .themes) ?? []
        self.organisation = try container.decodeIfPresent(String.self, forKey: .organisation)
    }
}
