/// Splits Dutch compounds into known parts, so that `huurwoningen` meets `woning` and `energiefactuur` meets
/// `factuur`: the longest known tail after a known head, with the linking `s` or `en` allowed between them.
public struct CompoundSplitter: Sendable {
    /// The stems that count as known words (for example every stem seen at least twice in a collection).
    public let vocabulary: Set<String>
    private let stemmer = DutchStemmer()
    /// Parts shorter than this are not split off. Default: 3.
    public let minimumPart: Int

    /// Whether a compound of which only one part is known still gives that part (`uitvaartverzekering` →
    /// `uitvaart` when no `verzekering` was seen); both parts then need `oneSidedMinimumPart` letters.
    public let splitsOnOneKnownPart: Bool
    public let oneSidedMinimumPart = 4

    public init(vocabulary: Set<String>, minimumPart: Int = 3, splitsOnOneKnownPart: Bool = false) {
        self.vocabulary = vocabulary
        self.minimumPart = minimumPart
        self.splitsOnOneKnownPart = splitsOnOneKnownPart
    }

    /// The stems of the parts of `word` (lower case, no diacritics), or an empty array when it is no known compound.
    public func parts(of word: String) -> [String] {
        let letters = Array(word)
        guard letters.count >= self.minimumPart * 2 else { return [] }
        for split in self.minimumPart...(letters.count - self.minimumPart) {
            let tail = String(letters[split...])
            let tailStem = self.stemmer.stem(tail)
            guard self.vocabulary.contains(tailStem) || self.vocabulary.contains(tail) else { continue }
            var head = String(letters[..<split])
            for link in ["s", "en", "e"] where head.hasSuffix(link) && !self.isKnown(head) {
                let shorter = String(head.dropLast(link.count))
                if shorter.count >= self.minimumPart, self.isKnown(shorter) { head = shorter }
            }
            guard self.isKnown(head) else { continue }
            let headParts = self.parts(of: head)
            return (headParts.isEmpty ? [self.stemmer.stem(head)] : headParts) + [tailStem]
        }
        return self.splitsOnOneKnownPart ? self.knownPart(of: letters) : []
    }

    /// The longest known head or tail of a word whose other part is unknown, both at least `oneSidedMinimumPart`
    /// letters long.
    private func knownPart(of letters: [Character]) -> [String] {
        let shortest = self.oneSidedMinimumPart
        guard letters.count >= shortest * 2 else { return [] }
        for length in stride(from: letters.count - shortest, through: shortest, by: -1) {
            let head = String(letters[..<length])
            if self.isKnown(head) { return [self.stemmer.stem(head)] }
            let tail = String(letters[(letters.count - length)...])
            if self.isKnown(tail) { return [self.stemmer.stem(tail)] }
        }
        return []
    }

    private func isKnown(_ part: String) -> Bool {
        self.vocabulary.contains(part) || self.vocabulary.contains(self.stemmer.stem(part))
    }
}
