/// A signal that passed intake: cleaned, checked and located, ready to be stored.
public struct ValidatedSignal: Sendable, Equatable, Codable {
    public let description: String
    public let postcode: Postcode
    /// The municipality, or `nil` when the postcode covers several municipalities.
    public let municipality: Municipality?
    public let region: Region
    /// The themes the submitter chose (at most ``SignalSubmission/Limits/themesMaximum``).
    public let themes: [Theme]
    public let targetGroup: String?
    public let frequency: String?
    public let observedOn: CalendarDate
    public let policyLevel: PolicyLevel?
    public let suggestion: String?
    /// The practitioner's e-mail address for feedback, stored apart from the signal.
    public let contactEmail: String?
    public let source: SignalSource
    /// The personal data intake replaced with placeholders, per field, for the receipt.
    public var replacements: [PersonalDataReplacement] = []
    /// The submission as given (after cleaning, before defaults), in one canonical text: two submissions with the
    /// same fingerprint are the same signal sent twice. The store keeps only its hash.
    public let fingerprint: String

    public init(
        description: String,
        postcode: Postcode,
        municipality: Municipality?,
        region: Region,
        themes: [Theme],
        targetGroup: String?,
        frequency: String?,
        observedOn: CalendarDate,
        policyLevel: PolicyLevel?,
        suggestion: String?,
        contactEmail: String?,
        source: SignalSource,
        fingerprint: String
    ) {
        self.description = description
        self.postcode = postcode
        self.municipality = municipality
        self.region = region
        self.themes = themes
        self.targetGroup = targetGroup
        self.frequency = frequency
        self.observedOn = observedOn
        self.policyLevel = policyLevel
        self.suggestion = suggestion
        self.contactEmail = contactEmail
        self.source = source
        self.fingerprint = fingerprint
    }
}
