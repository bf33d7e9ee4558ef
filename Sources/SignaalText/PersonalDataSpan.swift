public import SignaalCore

/// Where the scrubber found personal data: a kind and a range of Unicode scalar offsets into the input (as Python
/// indexes a `str`), the end exclusive.
public struct PersonalDataSpan: Hashable, Sendable {
    public let kind: PersonalDataKind
    public let start: Int
    public let end: Int

    public init(kind: PersonalDataKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    var length: Int { self.end - self.start }

    func overlaps(_ other: PersonalDataSpan) -> Bool {
        self.start < other.end && other.start < self.end
    }
}
