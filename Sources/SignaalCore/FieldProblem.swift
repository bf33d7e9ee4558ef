/// One thing wrong with one field of a submission, as a code; the server turns codes into Dutch sentences.
public struct FieldProblem: Hashable, Sendable {
    /// What is wrong, independent of language.
    public enum Code: String, Sendable {
        /// The field is required and empty or absent.
        case required
        /// Longer than the field's limit.
        case tooLong = "too_long"
        /// Shorter than the field's minimum.
        case tooShort = "too_short"
        /// Not in the expected format (postcode, date, e-mail address).
        case invalidFormat = "invalid_format"
        /// Not one of the known codes (themes, policy level).
        case unknownValue = "unknown_value"
        /// A postcode that is not in Flanders or Brussels.
        case outsideArea = "outside_area"
        /// A date after today.
        case inFuture = "in_future"
        /// A date too long ago to be a current observation.
        case tooOld = "too_old"
        /// More values than allowed (themes).
        case tooMany = "too_many"
        /// A JSON member that the API does not know.
        case unknownField = "unknown_field"
        /// A JSON member of the wrong type (a number where text is expected, …).
        case invalidType = "invalid_type"
    }

    /// The field's name, as in the form and the JSON API (`postcode`, `observed_on`, …).
    public let field: String
    public let code: Code

    public init(field: String, code: Code) {
        self.field = field
        self.code = code
    }
}
