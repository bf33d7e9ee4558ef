import SignaalCore

/// Finds people's names: runs of capitalised words that the lexicon knows as given or family names, or that a
/// title, a role or a greeting announces (`mevr. Peeters`, `Cliënt Ionuț Popescu`, `Hallo Sofie`, `familie
/// Horváth`). Organisations, places, streets and acronyms are not names.
struct NameDetector {
    let lexicon: NameLexicon

    /// Particles inside family names: `Van Damme`, `Nadia Mertens-El Haddaoui`, `Rachid Ait Oufkir`.
    static let particles: Set<String> = [
        "van", "de", "der", "den", "ter", "ten", "vanden", "vander", "vande", "le", "la", "du", "des", "da", "das", "dos",
        "di", "del", "della", "el", "al", "ben", "bin", "bint", "ait", "abou", "abu", "ibn", "ould", "von", "mac", "mc",
    ]

    /// Whether `word` (lower case) is one of the `particles`; most words need no look-up.
    static func isParticle(_ word: String) -> Bool {
        Self.particlePrefilter.mayContain(word) && Self.particles.contains(word)
    }
    private static let particlePrefilter = WordPrefilter(Self.particles)

    /// Given names that are also ordinary Dutch words: a name only when something announces it.
    static let ambiguousGivenNames: Set<String> = [
        "ben", "wil", "mark", "roos", "hoop", "dag", "lief", "lieve", "mees", "bas", "storm", "zon", "maan", "sterre",
        "hemel", "gaat", "kan", "mag", "moet", "zal", "jan", "milan", "said", "grace", "faith", "hope", "liberty",
        "angel", "precious", "blessing", "rose", "will", "may", "june", "max", "frans", "roman", "victoria", "august",
        "mercedes", "paris", "london", "china", "india", "holland", "york", "elke", "iedere", "alle",
    ]

    /// Given names that are also words a sentence uses as words — languages, months, virtues (`spreekt Nederlands of
    /// Frans`, `in Mei`, `met Hoop`): on their own they are a name only after a title or greeting.
    static let wordsBeforeNames: Set<String> = [
        "frans", "engels", "duits", "spaans", "italiaans", "portugees", "pools", "turks", "arabisch", "russisch", "roemeens",
        "bulgaars", "nederlands", "vlaams", "chinees", "mei", "juni", "juli", "augustus", "april", "maart", "hoop", "geloof",
        "liefde", "trouw", "vrede", "geduld", "wijsheid", "moed", "deugd",
    ]

    private struct Word {
        let start: Int
        let end: Int
        /// The word's text, the word as names are compared (`NameLexicon.key`), and in lower case: empty for a plain
        /// word (see `spelled(in:)`).
        let text: String
        let key: String
        let lowered: String
        let isCapitalised: Bool
        let hasLowercase: Bool
        /// A lower-case ASCII word that is neither a particle nor a title: it starts no name and joins none, so its
        /// strings are made only when a title before it asks (most words of a text).
        let isPlain: Bool

        /// The word with its strings.
        func spelled(in text: TextView) -> Word {
            guard self.isPlain else { return self }
            let spelling = text.string(self.start..<self.end)
            return Word(
                start: self.start, end: self.end, text: spelling, key: spelling, lowered: spelling, isCapitalised: false,
                hasLowercase: true, isPlain: false)
        }
    }

    func find(in text: TextView) -> [PersonalDataSpan] {
        let words = Self.words(in: text)
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index < words.count {
            guard let run = self.run(in: words, from: index, text: text) else {
                index += 1
                continue
            }
            defer { index = run.upperBound }
            if let span = self.name(in: Array(words[run]), text: text) { spans.append(span) }
        }
        return spans + self.lowerCaseNamesAfterTitles(words, text: text).filter { span in !spans.contains { $0.overlaps(span) } }
    }

    /// Names typed in lower case after a title, in hurried notes: `dhr said benali`, `mevr. peeters`. Only words the
    /// lexicon knows as names count, at most three.
    private func lowerCaseNamesAfterTitles(_ words: [Word], text: TextView) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        for (index, word) in words.enumerated() where !word.isPlain && Self.isTitle(word.key) {
            var end = index + 1
            func follows(_ position: Int) -> Bool {
                position < words.count && !words[position].isCapitalised
                    && [" ", ". "].contains(text.string(words[position - 1].end..<words[position].start))
            }
            func isName(_ position: Int) -> Bool {
                let word = words[position].spelled(in: text)
                return !DutchStopwords.words.contains(word.key) && self.isKnownName(word)
            }
            while end - index <= 4, follows(end) {
                if isName(end) {
                    end += 1
                } else if case let particle = words[end].spelled(in: text).text, Self.particles.contains(particle), follows(end + 1),
                    isName(end + 1) || self.lexicon.isSurname(particle + " " + words[end + 1].spelled(in: text).text)
                {
                    end += 2
                } else {
                    break
                }
            }
            if end > index + 1 {
                spans.append(PersonalDataSpan(kind: .name, start: words[index + 1].start, end: words[end - 1].end))
            }
        }
        return spans
    }

    /// The run of name-like words starting at `index`, joined by single spaces.
    private func run(in words: [Word], from index: Int, text: TextView) -> Range<Int>? {
        var end = index
        while end < words.count {
            let word = words[end]
            if end > index, !text.isSingleSpace(words[end - 1].end..<word.start) { break }
            if self.isNameLike(word) || end == index && word.isCapitalised && self.isCue(word) {
                end += 1
            } else if !word.isPlain, Self.isParticle(word.lowered), end + 1 < words.count,
                text.isSingleSpace(word.end..<words[end + 1].start), self.isNameLike(words[end + 1]),
                end > index || word.isCapitalised || self.followsTitle(word.start, text: text)
            {
                end += 1
            } else {
                break
            }
            if end - index >= 7 { break }
        }
        return end > index ? index..<end : nil
    }

    private func isNameLike(_ word: Word) -> Bool {
        word.isCapitalised && word.hasLowercase && !self.isCue(word)
            && !NameLexicon.notNames.contains(word.key)
            && !AddressDetector.isStreetName(word.lowered, isCapitalised: true)
            && !word.lowered.hasPrefix("sint-")
    }

    private func isCue(_ word: Word) -> Bool {
        // A word starts and ends with a letter: its key is the key of its text without punctuation.
        NameLexicon.strongCues.contains(word.key)
    }

    /// Titles after which a family name may start with a lower-case particle: `mevrouw van Damme`.
    static let titles: Set<String> = [
        "mevrouw", "mevr", "mw", "mvr", "meneer", "mijnheer", "dhr", "heer", "mr", "dr", "dokter", "familie", "juffrouw",
    ]

    /// Whether a word whose key is `key` is one of the `titles`; most words need no look-up.
    private static func isTitle(_ key: String) -> Bool {
        Self.titlePrefilter.mayContain(key) && Self.titles.contains(key)
    }
    private static let titlePrefilter = WordPrefilter(Self.titles)

    private func followsTitle(_ index: Int, text: TextView) -> Bool {
        text.words(before: index, limit: 1).last.map { Self.titles.contains(NameLexicon.key($0.trimmingPunctuation())) } ?? false
    }

    private enum Announcement { case strong, weak, none }

    /// What the words before `index` say about what follows.
    private func isAnnounced(before index: Int, text: TextView) -> Announcement {
        let words = text.words(before: index, limit: 3)
        // A word ending a sentence ("… per dag. Veel …") announces nothing; a title with its dot ("dr. …") does.
        if let raw = words.last, raw.hasSuffix("."), !Self.titles.contains(NameLexicon.key(raw.trimmingPunctuation())),
            raw.count > 2
        {
            return .none
        }
        let previous = words.map { NameLexicon.key($0.trimmingPunctuation()) }
        guard let last = previous.last else { return .none }
        let lastTwo = previous.suffix(2).joined(separator: " ")
        if NameLexicon.strongCues.contains(last) || ["ik ben", "de heer", "naam van", "t.n.v"].contains(lastTwo) {
            return .strong
        }
        return NameLexicon.weakCues.contains(last) ? .weak : .none
    }

    /// The name in a run, if the run is one: announced, or known to the lexicon.
    private func name(in run: [Word], text: TextView) -> PersonalDataSpan? {
        var tokens = run
        var announcement = Announcement.none
        var followsTitle = false
        while let first = tokens.first, self.isCue(first) {
            announcement = .strong
            followsTitle = Self.titles.contains(first.key)
            tokens.removeFirst()
        }
        while !followsTitle, let first = tokens.first, !first.isCapitalised, Self.particles.contains(first.text) {
            tokens.removeFirst()
        }
        // "Oproep van Svetlana Ivanova": a capitalised word the lexicon does not know, then a lower-case "van",
        // starts the sentence rather than the name.
        while announcement == .none, tokens.count > 2, !self.isKnownName(tokens[0]),
            !tokens[1].isCapitalised, Self.particles.contains(tokens[1].text)
        {
            tokens.removeFirst(2)
        }
        while let last = tokens.last, Self.particles.contains(last.lowered) { tokens.removeLast() }
        guard let first = tokens.first, let last = tokens.last else { return nil }
        if announcement == .none { announcement = self.isAnnounced(before: first.start, text: text) }
        let names = tokens.filter { !Self.particles.contains($0.lowered) }
        let givenNames = names.filter { self.lexicon.isFirstName(key: $0.key) || self.isHyphenatedGivenName($0.text) }
        let familyNames = names.filter { self.lexicon.isSurname(key: $0.key) || self.isHyphenatedSurname($0.text) }
        let startsWithGivenName = names.first.map { self.lexicon.isFirstName(key: $0.key) || self.isHyphenatedGivenName($0.text) } ?? false
        let isKnown: Bool
        if names.count == 1 {
            isKnown = startsWithGivenName && !Self.ambiguousGivenNames.contains(first.key)
        } else {
            isKnown = startsWithGivenName || !givenNames.isEmpty || !familyNames.isEmpty
        }
        if names.count == 1, Self.wordsBeforeNames.contains(first.key), announcement != .strong { return nil }
        let isName: Bool =
            switch announcement {
            case .strong: true
            case .weak: isKnown || !givenNames.isEmpty || !familyNames.isEmpty
            case .none: isKnown
            }
        return isName ? PersonalDataSpan(kind: .name, start: first.start, end: last.end) : nil
    }

    private func isKnownName(_ word: Word) -> Bool {
        self.lexicon.isFirstName(key: word.key) || self.lexicon.isSurname(key: word.key)
    }

    private func isHyphenatedGivenName(_ word: String) -> Bool {
        let parts = word.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { self.lexicon.isFirstName(String($0)) }
    }

    private func isHyphenatedSurname(_ word: String) -> Bool {
        let parts = word.split(separator: "-").map(String.init)
        return parts.count > 1 && parts.contains { self.lexicon.isSurname($0) }
    }

    /// Words of letters with inner hyphens and apostrophes, and initials (`J.`).
    private static func words(in text: TextView) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < text.count {
            guard text.isLetter(index) else {
                index += 1
                continue
            }
            let start = index
            while text.isLetter(index)
                || ((text[index] == "-" || text[index] == "'" || text[index] == "’") && text.isLetter(index + 1))
            {
                index += 1
            }
            if Self.isPlain(text.scalars[start..<index]) {
                words.append(
                    Word(
                        start: start, end: index, text: "", key: "", lowered: "", isCapitalised: false, hasLowercase: true, isPlain: true))
                continue
            }
            let word = text.string(start..<index)
            let isInitial = index - start == 1 && text.isUppercase(start) && text[index] == "."
            if isInitial { index += 1 }
            let key = NameLexicon.key(word)
            let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
            words.append(
                Word(
                    start: start, end: index, text: word, key: key, lowered: isASCII ? key : word.lowercased(),
                    isCapitalised: text.isUppercase(start),
                    hasLowercase: isInitial
                        || (isASCII
                            ? word.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } : word.unicodeScalars.contains { $0.properties.isLowercase }),
                    isPlain: false))
        }
        return words
    }

    /// Whether a word (its scalars) is plain: lower-case ASCII letters, hyphens and apostrophes, and no particle or
    /// title (see `Word.isPlain`).
    private static func isPlain(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "-" || $0 == "'" }) else { return false }
        let bytes = word.lazy.map { UInt8($0.value) }
        return !Self.particlePrefilter.mayContain(bytes) && !Self.titlePrefilter.mayContain(bytes)
    }
}
