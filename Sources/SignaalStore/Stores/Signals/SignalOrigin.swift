/// Who passed a signal on: the regional platform and organisation of an API key or an import, and the platform's
/// own reference for it (unique per platform, so a repeat creates no duplicate).
public struct SignalOrigin: Sendable, Equatable {
    /// The regional platform's code.
    public let platform: String
    public let organisation: String?
    public let externalID: String?
    public let apiKeyID: Int64?

    public init(platform: String, organisation: String?, externalID: String?, apiKeyID: Int64?) {
        self.platform = platform
        self.organisation = organisation
        self.externalID = externalID
        self.apiKeyID = apiKeyID
    }

    /// The origin of signals sent with `key`, with the platform's own reference.
    public init(key: APIKey, externalID: String? = nil) {
        self.init(platform: key.platform, organisation: key.organisation, externalID: externalID, apiKeyID: key.id)
    }
}
