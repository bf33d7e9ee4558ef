/// A Belgian postcode: four digits, the first not zero.
///
/// Whether the postcode lies in Flanders or Brussels is not a property of its format: ``ReferenceData`` knows
/// which municipalities a postcode covers.
public struct Postcode: Hashable, Sendable, CustomStringConvertible {
    /// The four digits, e.g. `"9000"`.
    public let rawValue: String

    /// Accepts exactly four ASCII digits with a non-zero first digit; surrounding white space is ignored.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let scalars = Array(trimmed.unicodeScalars)
        guard scalars.count == 4,
            scalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
            scalars[0] != "0"
        else { return nil }
        self.rawValue = trimmed
    }

    public var description: String { self.rawValue }
}

extension String {
    /// The string without leading and trailing white space and newlines.
    package func trimmingWhitespace() -> String {
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        if let first = self.utf8.first, let last = self.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return self
        }
        let scalars = self.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
