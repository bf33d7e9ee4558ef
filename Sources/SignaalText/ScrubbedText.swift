public import SignaalCore

/// Free text with its personal data replaced by placeholders, and where that data stood in the original.
public struct ScrubbedText: Sendable, Equatable {
    /// The text with `[NAAM]`, `[TELEFOON]`, … in place of the personal data.
    public let text: String
    /// The replaced stretches of the original text, in order.
    public let spans: [PersonalDataSpan]

    /// The kinds replaced, each once, in the order of ``PersonalDataKind/allCases``.
    public var kinds: [PersonalDataKind] {
        PersonalDataKind.allCases.filter { kind in self.spans.contains { $0.kind == kind } }
    }
}
