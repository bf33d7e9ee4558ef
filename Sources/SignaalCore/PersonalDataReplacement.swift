/// That personal data of one kind was replaced in one field of a submission (never the data itself).
public struct PersonalDataReplacement: Hashable, Sendable, Codable {
    /// The field's name (`description`, `suggestion`, …).
    public let field: String
    public let kind: PersonalDataKind

    public init(field: String, kind: PersonalDataKind) {
        self.field = field
        self.kind = kind
    }
}
