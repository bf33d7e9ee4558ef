/// A signal as submitted through the form or the JSON API, before any checking: every field as given.
///
/// Decoding never fails on a field: a member of the wrong type, or one the API does not know, is remembered in
/// ``decodingProblems`` so that validation can report every problem of a submission at once.
public struct SignalSubmission: Sendable, Equatable {
    public var description: String?
    public var postcode: String?
    public var themes: [String]
    public var targetGroup: String?
    public var frequency: String?
    public var observedOn: String?
    public var policyLevel: String?
    public var suggestion: String?
    public var contactEmail: String?
    /// Problems found while decoding (wrong JSON types, unknown members), reported with the validation problems.
    public var decodingProblems: [FieldProblem]

    public init(
        description: String? = nil,
        postcode: String? = nil,
        themes: [String] = [],
        targetGroup: String? = nil,
        frequency: String? = nil,
        observedOn: String? = nil,
        policyLevel: String? = nil,
        suggestion: String? = nil,
        contactEmail: String? = nil
    ) {
        self.description = description
        self.postcode = postcode
        self.themes = themes
        self.targetGroup = targetGroup
        self.frequency = frequency
        self.observedOn = observedOn
        self.policyLevel = policyLevel
        self.suggestion = suggestion
        self.contactEmail = contactEmail
        self.decodingProblems = []
    }

    /// The field names of the form and the JSON API, in the order problems are reported.
    public enum Field: String, CaseIterable, CodingKey, Sendable {
        case description
        case postcode
        case themes
        case targetGroup = "target_group"
        case frequency
        case observedOn = "observed_on"
        case policyLevel = "policy_level"
        case suggestion
        case contactEmail = "contact_email"
    }

    /// The limits of each field, in Unicode scalars (as PostgreSQL's `char_length` counts).
    public enum Limits {
        public static let descriptionMinimum = 10
        public static let descriptionMaximum = 4000
        public static let targetGroupMaximum = 200
        public static let frequencyMaximum = 200
        public static let suggestionMaximum = 2000
        public static let contactEmailMaximum = 254
        public static let themesMaximum = 3
        /// How many years back an observation may lie.
        public static let observedOnYearsBack = 5
    }
}

extension SignalSubmission: Decodable {
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where Field(stringValue: key.stringValue) == nil {
            self.decodingProblems.append(FieldProblem(field: key.stringValue, code: .unknownField))
        }
        let fields = try decoder.container(keyedBy: Field.self)
        func text(_ field: Field) -> String? {
            do {
                return try fields.decodeIfPresent(String.self, forKey: field)
            } catch {
                self.decodingProblems.append(FieldProblem(field: field.stringValue, code: .invalidType))
                return nil
            }
        }
        self.description = text(.description)
        // Spreadsheets turn postcodes into numbers: accept 9000 as well as "9000".
        if let number = try? fields.decodeIfPresent(Int.self, forKey: .postcode) {
            self.postcode = String(number)
        } else {
            self.postcode = text(.postcode)
        }
        do {
            self.themes = try fields.decodeIfPresent([String].self, forKey: .themes) ?? []
        } catch {
            self.decodingProblems.append(FieldProblem(field: Field.themes.stringValue, code: .invalidType))
        }
        self.targetGroup = text(.targetGroup)
        self.frequency = text(.frequency)
        self.observedOn = text(.observedOn)
        self.policyLevel = text(.policyLevel)
        self.suggestion = text(.suggestion)
        self.contactEmail = text(.contactEmail)
    }
}
