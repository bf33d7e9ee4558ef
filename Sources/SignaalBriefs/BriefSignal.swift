public import SignaalCore

/// One signal as a brief sees it: what the store reads for the period and the one before it. All text is already
/// scrubbed of personal data (intake does that before anything is stored).
public struct BriefSignal: Sendable, Equatable {
    public let id: Int64
    public let observedOn: CalendarDate
    public let regionCode: String
    public let municipality: String?
    public let organisation: String?
    /// Theme codes, primary first.
    public let themes: [String]
    public let policyLevel: String?
    public let description: String
    public let suggestion: String?
    /// The recurring problem it belongs to, if any.
    public let cluster: ClusterReference?
    /// Whether a coordinator validated it.
    public let validated: Bool
    /// Who the problem affects, in the submitter's words.
    public let targetGroup: String?

    public init(
        id: Int64, observedOn: CalendarDate, regionCode: String, municipality: String?, organisation: String?,
        themes: [String], policyLevel: String?, description: String, suggestion: String?, cluster: ClusterReference?,
        validated: Bool = false, targetGroup: String? = nil
    ) {
        self.id = id
        self.observedOn = observedOn
        self.regionCode = regionCode
        self.municipality = municipality
        self.organisation = organisation
        self.themes = themes
        self.policyLevel = policyLevel
        self.description = description
        self.suggestion = suggestion
        self.cluster = cluster
        self.validated = validated
        self.targetGroup = targetGroup
    }

    /// The recurring problem of a signal: its code, label, emerging flag and the signal's closeness to its centre.
    public struct ClusterReference: Sendable, Equatable {
        public let code: String
        public let label: String
        public let emerging: Bool
        public let similarity: Double

        public init(code: String, label: String, emerging: Bool, similarity: Double) {
            self.code = code
            self.label = label
            self.emerging = emerging
            self.similarity = similarity
        }
    }
}
