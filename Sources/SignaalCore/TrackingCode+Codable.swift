extension TrackingCode: Codable {
    /// Encoded in its canonical form (`XXXX-XXXX-XXXX-XXXX`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let code = TrackingCode(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a tracking code")
        }
        self = code
    }
}
