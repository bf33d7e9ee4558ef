import SignaalCore

/// Finds street addresses: a street (`Kerkstraat`, `Kempische Steenweg`, `Grote Markt`, `Rue Haute`), a house
/// number (`12`, `5A`, `310/4`, `455 bus 8`) and, when present, postcode and town (`, 2018 Antwerpen`).
///
/// A street named without a house number is a place, not an address, and stays.
struct AddressDetector {
    /// Endings of Dutch street names.
    static let streetEndings = [
        "straat", "laan", "steenweg", "weg", "plein", "dreef", "lei", "baan", "kaai", "markt", "dijk", "pad", "singel",
        "vest", "gracht", "wal", "dam", "kade", "hof", "ring", "plaats", "veld", "berg", "dries", "hoek", "park", "wijk",
        "straatje", "steeg", "boulevard", "square", "kouter", "meers", "akker", "heide", "bos", "beek", "brug", "voer",
        "burg", "poort", "plantsoen", "erf", "gang", "koer", "hoeve",
    ]
    /// French street words that come first (Brussels).
    static let streetPrefixes: Set<String> = [
        "rue", "avenue", "chaussée", "chaussee", "boulevard", "place", "quai", "square", "allée", "allee", "drève",
        "clos", "impasse", "chemin", "galerie", "parvis", "rond-point",
    ]

    /// Endings that mark a street even when typed in lower case (`kerkstraat 12`).
    static let unmistakableEndings = ["straat", "laan", "steenweg", "plein", "dreef"]

    func find(in text: TextView) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.isLetter(index), !text.isLetter(index - 1), let wordEnd = self.wordEnd(text, at: index) else { continue }
            let isCapitalised = text.isUppercase(index)
            if isCapitalised && Self.streetPrefixes.contains(text.string(index..<wordEnd).lowercased()) {
                // Rue Haute 12: the street's name follows.
                guard let end = self.houseNumber(text, after: self.frenchStreetEnd(text, after: wordEnd)) else { continue }
                spans.append(PersonalDataSpan(kind: .address, start: index, end: self.postcodeAndTown(text, after: end) ?? end))
                index = end - 1
                continue
            }
            // Every other address has a house number right after the word: most words end here.
            guard let end = self.houseNumber(text, after: wordEnd) else { continue }
            if Self.isStreetName(text.string(index..<wordEnd).lowercased(), isCapitalised: isCapitalised) {
                let streetStart = isCapitalised ? self.extendLeft(text, from: index) : index
                spans.append(PersonalDataSpan(kind: .address, start: streetStart, end: self.postcodeAndTown(text, after: end) ?? end))
                index = end - 1
            } else if isCapitalised, let townEnd = self.postcodeAndTown(text, after: end) {
                // Any street followed by a house number and a postcode with its town: "Meir 12, 2000 Antwerpen".
                spans.append(PersonalDataSpan(kind: .address, start: self.extendLeft(text, from: index), end: townEnd))
                index = townEnd - 1
            }
        }
        return spans
    }

    /// `Kerkstraat`, `Grote Markt` (the word itself an ending), or `kerkstraat` typed in lower case.
    static func isStreetName(_ word: String, isCapitalised: Bool) -> Bool {
        let endings = isCapitalised ? Self.streetEndings : Self.unmistakableEndings
        return endings.contains { ending in
            word.hasSuffix(ending) && (word.count >= ending.count + 2 || (word == ending && isCapitalised))
        }
    }

    /// After `Rue`, `Avenue`, …: the name's words (`de la Loi`, `Haute`), up to the house number.
    private func frenchStreetEnd(_ text: TextView, after start: Int) -> Int {
        var end = start
        for _ in 0..<5 {
            guard text[end] == " ", text.isLetter(end + 1) else { break }
            var wordEnd = end + 1
            while text.isLetter(wordEnd) || text[wordEnd] == "-" || text[wordEnd] == "'" { wordEnd += 1 }
            end = wordEnd
        }
        return end
    }

    /// The word at `index` (letters, hyphens, apostrophes) and where it ends.
    private func wordEnd(_ text: TextView, at index: Int) -> Int? {
        var end = index
        while text.isLetter(end) || ((text[end] == "-" || text[end] == "'") && text.isLetter(end + 1)) { end += 1 }
        return end > index ? end : nil
    }

    /// Capitalised words directly before the street word belong to the street name (`Kempische Steenweg`,
    /// `Koning Albertlaan`, `Lange Lozanastraat`), at most three.
    private func extendLeft(_ text: TextView, from index: Int) -> Int {
        var start = index
        for _ in 0..<3 {
            guard text[start - 1] == " ", text.isLetter(start - 2) else { break }
            var wordStart = start - 2
            while text.isLetter(wordStart - 1) || text[wordStart - 1] == "-" { wordStart -= 1 }
            guard text.isUppercase(wordStart), !Self.isSentenceStart(text, at: wordStart) else { break }
            start = wordStart
        }
        return start
    }

    private static func isSentenceStart(_ text: TextView, at index: Int) -> Bool {
        var position = index - 1
        while position >= 0, text[position] == " " { position -= 1 }
        guard let previous = text[position] else { return true }
        return ".!?\n(".unicodeScalars.contains(previous)
    }

    /// A house number after a space: digits, an optional letter, an optional `/4`, `bus 8`, `b 8` or `box 8`.
    private func houseNumber(_ text: TextView, after streetEnd: Int) -> Int? {
        guard text[streetEnd] == " ", text.isDigit(streetEnd + 1) else { return nil }
        var position = streetEnd + 1
        let start = position
        while text.isDigit(position) { position += 1 }
        guard position - start <= 4 else { return nil }
        if text.isLetter(position), !text.isLetter(position + 1) { position += 1 }
        if text[position] == "/", text.isAlphanumeric(position + 1) {
            position += 1
            while text.isAlphanumeric(position) { position += 1 }
        }
        for marker in [" bus ", " b. ", " b ", " box ", " bte "] {
            let candidate = text.string(position..<position + marker.unicodeScalars.count).lowercased()
            if candidate == marker, text.isDigit(position + marker.unicodeScalars.count) {
                position += marker.unicodeScalars.count
                while text.isAlphanumeric(position) { position += 1 }
                break
            }
        }
        guard !text.isAlphanumeric(position) else { return nil }
        if let next = text[position], "./,".unicodeScalars.contains(next), text.isDigit(position + 1) { return nil }
        return position
    }

    /// `, 2018 Antwerpen` or ` 2018 Antwerpen` after the house number: the end of the town's name.
    private func postcodeAndTown(_ text: TextView, after end: Int) -> Int? {
        var position = end
        if text[position] == "," { position += 1 }
        guard text[position] == " ", (1...4).allSatisfy({ text.isDigit(position + $0) }), text[position + 5] == " ",
            text.isUppercase(position + 6)
        else { return nil }
        position += 6
        var townEnd = position
        while true {
            while text.isLetter(townEnd) || ((text[townEnd] == "-" || text[townEnd] == "'") && text.isLetter(townEnd + 1)) {
                townEnd += 1
            }
            // Two-word towns: "Sint Niklaas" is rare; "Knokke-Heist" is one word with a hyphen.
            guard text[townEnd] == " ", text.isUppercase(townEnd + 1), Self.townContinuations.contains(text.string(position..<townEnd))
            else { break }
            townEnd += 1
        }
        return townEnd
    }

    /// First words of towns whose name has a space.
    static let townContinuations: Set<String> = ["Sint", "Heist-op-den", "Sint-Pieters", "La", "Le", "Le Roeulx"]
}
