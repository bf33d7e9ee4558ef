/// The Snowball stemmer for Dutch (Porter's 2001 algorithm as published on snowballstem.org): `woningen` →
/// `woning`, `kinderen` → `kinder`, `lichamelijke` → `licham`.
///
/// Works on lower-case words; diacritics are removed first, as the algorithm prescribes.
public struct DutchStemmer: Sendable {
    public init() {}

    /// The stem of one lower-case word.
    public func stem(_ word: String) -> String {
        var letters = Array(Self.removingAccents(word))
        guard letters.count > 2 else { return String(letters) }
        Self.markSemivowels(&letters)
        // R2 follows R1 as first found; only then is R1 moved to leave at least three letters before it.
        let foundR1 = Self.regionStart(letters, from: 0, minimum: 0)
        let r1 = max(3, foundR1)
        let r2 = Self.regionStart(letters, from: foundR1, minimum: 0)
        var word = Word(letters: letters, r1: r1, r2: r2)
        word.step1()
        let removedE = word.step2()
        word.step3(removedE: removedE)
        word.step4()
        return String(word.letters.map { $0 == "I" ? "i" : $0 == "Y" ? "y" : $0 })
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "è"]

    static func isVowel(_ character: Character) -> Bool { Self.vowels.contains(character) }

    private static func removingAccents(_ word: String) -> String {
        let table: [Character: Character] = [
            "ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u", "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u",
        ]
        return String(word.map { table[$0] ?? $0 })
    }

    /// Initial `y`, `y` after a vowel and `i` between vowels become consonants (upper case while stemming).
    private static func markSemivowels(_ letters: inout [Character]) {
        for index in letters.indices {
            let previousIsVowel = index > 0 && Self.isVowel(letters[index - 1])
            if letters[index] == "y" && (index == 0 || previousIsVowel) {
                letters[index] = "Y"
            } else if letters[index] == "i", previousIsVowel, index + 1 < letters.count, Self.isVowel(letters[index + 1]) {
                letters[index] = "I"
            }
        }
    }

    /// The start of the region after the first non-vowel following a vowel, from `start`, at least `minimum`.
    private static func regionStart(_ letters: [Character], from start: Int, minimum: Int) -> Int {
        var index = start
        while index < letters.count, !Self.isVowel(letters[index]) { index += 1 }
        while index < letters.count, Self.isVowel(letters[index]) { index += 1 }
        return max(minimum, min(letters.count, index + 1))
    }

    /// A word while it is being stemmed, with its regions R1 and R2.
    private struct Word {
        var letters: [Character]
        let r1: Int
        let r2: Int

        func ends(with suffix: String) -> Bool {
            let suffix = Array(suffix)
            return self.letters.count >= suffix.count && Array(self.letters.suffix(suffix.count)) == suffix
        }

        /// Where `suffix` starts, if the word ends with it.
        func start(of suffix: String) -> Int? {
            self.ends(with: suffix) ? self.letters.count - suffix.count : nil
        }

        func isConsonant(at index: Int) -> Bool {
            index >= 0 && index < self.letters.count && !DutchStemmer.isVowel(self.letters[index])
        }

        /// A non-vowel other than `j`.
        func isValidSEnding(at index: Int) -> Bool {
            self.isConsonant(at: index) && self.letters[index] != "j"
        }

        /// A non-vowel, and not the end of `gem`.
        func isValidEnEnding(at index: Int) -> Bool {
            guard self.isConsonant(at: index) else { return false }
            return !(index >= 2 && String(self.letters[(index - 2)...index]) == "gem")
        }

        mutating func undouble() {
            if self.ends(with: "kk") || self.ends(with: "dd") || self.ends(with: "tt") { self.letters.removeLast() }
        }

        mutating func removeEn(at start: Int) -> Bool {
            guard start >= self.r1, self.isValidEnEnding(at: start - 1) else { return false }
            self.letters.removeLast(self.letters.count - start)
            self.undouble()
            return true
        }

        mutating func step1() {
            if let start = self.start(of: "heden") {
                if start >= self.r1 { self.letters.replaceSubrange(start..., with: Array("heid")) }
            } else if let start = self.start(of: "ene") ?? self.start(of: "en") {
                _ = self.removeEn(at: start)
            } else if let start = self.start(of: "se") ?? self.start(of: "s") {
                if start >= self.r1, self.isValidSEnding(at: start - 1) { self.letters.removeLast(self.letters.count - start) }
            }
        }

        /// Removes a final `e` after a non-vowel in R1; tells whether it did.
        mutating func step2() -> Bool {
            guard let start = self.start(of: "e"), start >= self.r1, self.isConsonant(at: start - 1) else { return false }
            self.letters.removeLast()
            self.undouble()
            return true
        }

        mutating func step3(removedE: Bool) {
            if let start = self.start(of: "heid"), start >= self.r2, start == 0 || self.letters[start - 1] != "c" {
                self.letters.removeLast(4)
                if let en = self.start(of: "en") { _ = self.removeEn(at: en) }
            }
            if let start = self.start(of: "end") ?? self.start(of: "ing") {
                guard start >= self.r2 else { return }
                self.letters.removeLast(3)
                if let ig = self.start(of: "ig"), ig >= self.r2, ig == 0 || self.letters[ig - 1] != "e" {
                    self.letters.removeLast(2)
                } else {
                    self.undouble()
                }
            } else if let start = self.start(of: "ig") {
                if start >= self.r2, start == 0 || self.letters[start - 1] != "e" { self.letters.removeLast(2) }
            } else if let start = self.start(of: "lijk") {
                if start >= self.r2 {
                    self.letters.removeLast(4)
                    _ = self.step2()
                }
            } else if let start = self.start(of: "baar") {
                if start >= self.r2 { self.letters.removeLast(4) }
            } else if let start = self.start(of: "bar") {
                if start >= self.r2, removedE { self.letters.removeLast(3) }
            }
        }

        /// `maan` → `man`, `brood` → `brod`: a doubled vowel between non-vowels at the end loses one letter.
        mutating func step4() {
            let count = self.letters.count
            guard count >= 4 else { return }
            let (c, v1, v2, d) = (self.letters[count - 4], self.letters[count - 3], self.letters[count - 2], self.letters[count - 1])
            if !DutchStemmer.isVowel(c), v1 == v2, "aeou".contains(v1), !DutchStemmer.isVowel(d), d != "I" {
                self.letters.remove(at: count - 2)
            }
        }
    }
}
