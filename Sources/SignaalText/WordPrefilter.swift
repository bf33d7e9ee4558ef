/// Turns away most words that are not in a small set of words before the set is asked (hashing a word costs far
/// more than looking at it): one bit per length, first and last byte of the set's words. A word it lets through
/// may still not be in the set; a word it turns away never is.
struct WordPrefilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    init<Words: Sequence<String>>(_ words: Words) {
        for word in words {
            let slot = Self.slot(word.utf8)
            self.bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// Whether `word` may be one of the words (the UTF-8 bytes of a word, for callers that have only those).
    func mayContain<Bytes: BidirectionalCollection<UInt8>>(_ word: Bytes) -> Bool {
        let slot = Self.slot(word)
        return self.bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// Whether `word` may be one of the words.
    func mayContain(_ word: String) -> Bool {
        self.mayContain(word.utf8)
    }

    /// Length (up to 15), first and last byte (six bits each): 16 × 64 × 64 slots.
    private static func slot<Bytes: BidirectionalCollection<UInt8>>(_ word: Bytes) -> Int {
        guard let first = word.first, let last = word.last else { return 0 }
        return min(word.count, 15) << 12 | Int(first & 63) << 6 | Int(last & 63)
    }
}
