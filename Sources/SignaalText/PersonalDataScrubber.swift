import SignaalCore

/// Replaces personal data in free text with typed Dutch placeholders: national register numbers, IBANs, phone
/// numbers, e-mail addresses, names, street addresses and birth dates.
///
/// Pure and deterministic. Where two findings overlap, the more specific kind wins (an e-mail address over the
/// name in it, an address over the person a street is named after) and then the longer one.
public struct PersonalDataScrubber: Sendable {
    private let lexicon: NameLexicon

    public init() {
        self.lexicon = .shared
    }

    /// The text with every finding replaced by its placeholder, and the findings.
    public func scrub(_ text: String) -> ScrubbedText {
        let view = TextView(text)
        let spans = self.spans(in: view)
        guard !spans.isEmpty else { return ScrubbedText(text: text, spans: []) }
        var output = ""
        var position = 0
        for span in spans {
            output += view.string(position..<span.start)
            output += span.kind.placeholder
            position = span.end
        }
        output += view.string(position..<view.count)
        return ScrubbedText(text: output, spans: spans)
    }

    /// Where the personal data in `text` is, in Unicode scalar offsets, in order.
    public func spans(in text: String) -> [PersonalDataSpan] {
        self.spans(in: TextView(text))
    }

    private func spans(in text: TextView) -> [PersonalDataSpan] {
        let names = NameDetector(lexicon: self.lexicon).find(in: text)
        let candidates =
            EmailDetector().find(in: text) + IBANDetector().find(in: text)
            + NationalRegisterNumberDetector().find(in: text) + PhoneNumberDetector().find(in: text)
            + AddressDetector().find(in: text) + BirthDateDetector().find(in: text, names: names) + names
        var chosen: [PersonalDataSpan] = []
        for candidate in candidates.sorted(by: Self.precedes) where !chosen.contains(where: { $0.overlaps(candidate) }) {
            chosen.append(candidate)
        }
        return chosen.sorted { $0.start < $1.start }
    }

    private static let rank: [PersonalDataKind: Int] = [
        .emailAddress: 7, .iban: 6, .nationalRegisterNumber: 5, .phoneNumber: 4, .address: 3, .birthDate: 2, .name: 1,
    ]

    private static func precedes(_ lhs: PersonalDataSpan, _ rhs: PersonalDataSpan) -> Bool {
        let (left, right) = (Self.rank[lhs.kind] ?? 0, Self.rank[rhs.kind] ?? 0)
        return left != right ? left > right : lhs.length != rhs.length ? lhs.length > rhs.length : lhs.start < rhs.start
    }
}
