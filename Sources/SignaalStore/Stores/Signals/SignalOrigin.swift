/// Who passed a signal on: the regional platform and organisation of an API key or an import, the key, and the
/// caller's own reference for it (unique per key, so a repeat creates no duplicate and another key's reference never
/// meets it).
public struct SignalOrigin: Sendable, Equatable {
    /// The regional platform's code.
    public let platform: String
    /// The organisation of the key (or given to a command-line import); what briefs count.
    public let organisation: String?
    /// A team within the organisation, as an import's `Organisatie` column names it (scrubbed); never counted as an
    /// organisation of its own.
    public let organisationUnit: String?
    public let externalID: String?
    public let apiKeyID: Int64?

    public init(platform: String, organisation: String?, organisationUnit: String? = nil, externalID: String?, apiKeyID: Int64?) {
        self.platform = platform
        self.organisation = organisation
        self.organisationUnit = organisationUnit
        self.externalID = externalID
        self.apiKeyID = apiKeyID
    }

    /// The origin of signals sent with `key`, with the caller's own reference.
    public init(key: APIKey, externalID: String? = nil) {
        self.init(platform: key.platform, organisation: key.organisation, externalID: externalID, apiKeyID: key.id)
    }

    /// Where the caller's references are unique: its key, or — without a key (a command-line import) — its platform.
    public var source: ImportSource { ImportSource(platform: self.platform, apiKeyID: self.apiKeyID) }
}

/// Who loads an import, and so where its external ids must be unique: the key that sent it, or for a command-line
/// import (no key) the platform.
public struct ImportSource: Sendable, Equatable {
    public let platform: String
    public let apiKeyID: Int64?

    public init(platform: String, apiKeyID: Int64?) {
        self.platform = platform
        self.apiKeyID = apiKeyID
    }
}
