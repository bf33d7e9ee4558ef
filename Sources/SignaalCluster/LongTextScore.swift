/// How the classifier and the keyword list of the taxonomy fared on a set of long texts: for each, how many texts
/// got the reader's primary theme first, and how many got one of the reader's themes first.
public struct LongTextScore: Sendable, Equatable {
    public struct Tally: Sendable, Equatable {
        public var primary = 0
        public var among = 0
    }

    public private(set) var count = 0
    public private(set) var classifier = Tally()
    public private(set) var keywords = Tally()

    public init() {}

    /// Counts one text with the reader's `themes` (primary first) and the primary theme each method gave it.
    public mutating func add(themes: [String], classifier: String?, keywords: String?) {
        self.count += 1
        Self.count(classifier, against: themes, in: &self.classifier)
        Self.count(keywords, against: themes, in: &self.keywords)
    }

    private static func count(_ predicted: String?, against themes: [String], in tally: inout Tally) {
        guard let predicted else { return }
        if predicted == themes.first { tally.primary += 1 }
        if themes.contains(predicted) { tally.among += 1 }
    }
}
