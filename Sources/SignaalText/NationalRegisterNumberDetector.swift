import SignaalCore

/// Finds Belgian national register numbers (rijksregisternummers) in every common notation — `85073003328`,
/// `85.07.30-033.28`, `850730 033 28`, `850730-033-28` — that pass the check-digit test (including the rule for
/// births from 2000), or that the text calls a national register number whatever their check digits.
struct NationalRegisterNumberDetector {
    /// Words that announce a national register number.
    static let cues: Set<String> = [
        "rr", "rrn", "rijksregisternummer", "rijksregisternr", "rijksregister", "insz", "inss", "nn", "nrn",
        "rijksreg", "rijksregisternummer:", "identificatienummer", "nationaal",
    ]

    /// Words that announce another kind of number: its check digits decide alone.
    static let otherNumberCues: Set<String> = [
        "klantnummer", "factuurnummer", "dossiernummer", "referentie", "dossiercode", "rolnummer", "ondernemingsnummer",
        "btw", "kbo", "contractnummer", "ean", "referentienummer", "code", "klantnr", "factuur", "aanmaning",
    ]

    func find(in text: TextView) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.isDigit(index), !text.isAlphanumeric(index - 1), !Self.continuesNumber(text, before: index),
                let end = Self.match(text, at: index)
            else { continue }
            let digits = text.digits(index..<end)
            let words = text.words(before: index, limit: 3).map { $0.lowercased().trimmingPunctuation() }
            let isAnnounced =
                words.contains(where: Self.cues.contains)
                || text.lowercasedContext(before: index, length: 40).contains("rijksregister")
                || Self.sentenceNamesIt(text, number: index..<end)
            let isOtherNumber = words.contains(where: Self.otherNumberCues.contains)
            guard isAnnounced || (Self.isValid(digits) && !isOtherNumber) else { continue }
            spans.append(PersonalDataSpan(kind: .nationalRegisterNumber, start: index, end: end))
            index = end - 1
        }
        return spans
    }

    /// Whether the sentence around the number calls it a national register number, before or after it
    /// (`RR-nummer`, `INSZ`, `… is zijn rijksregisternummer`).
    static func sentenceNamesIt(_ text: TextView, number: Range<Int>) -> Bool {
        var start = number.lowerBound
        while start > 0, number.lowerBound - start < 200, !Self.endsSentence(text, at: start - 1) { start -= 1 }
        var end = number.upperBound
        while end < text.count, end - number.upperBound < 200, !Self.endsSentence(text, at: end) { end += 1 }
        let sentence = (text.string(start..<number.lowerBound) + " " + text.string(number.upperBound..<end)).lowercased()
        return sentence.split(whereSeparator: { !$0.isLetter }).contains { Self.cues.contains(String($0)) }
    }

    /// Whether the scalar at `index` ends a sentence: a line break, or `.`, `!`, `?` before a space or the end.
    private static func endsSentence(_ text: TextView, at index: Int) -> Bool {
        guard let scalar = text[index] else { return true }
        if scalar == "\n" { return true }
        return ".!?".unicodeScalars.contains(scalar) && (index + 1 >= text.count || text.isSpace(index + 1))
    }

    /// The end of an 11-digit number grouped 2-2-2-3-2 with at most one separator (`.`, `-`, space, `/`) between
    /// groups, or `nil`.
    static func match(_ text: TextView, at start: Int) -> Int? {
        var position = start
        for (number, size) in [2, 2, 2, 3, 2].enumerated() {
            if number > 0, let scalar = text[position], ". -/".unicodeScalars.contains(scalar), text.isDigit(position + 1) {
                position += 1
            }
            for _ in 0..<size {
                guard text.isDigit(position) else { return nil }
                position += 1
            }
        }
        if text.isAlphanumeric(position) { return nil }
        if let next = text[position], ".,-/".unicodeScalars.contains(next), text.isDigit(position + 1) { return nil }
        return position
    }

    /// Check digits: 97 − (first nine digits mod 97), with 2 prefixed to the nine digits for births from 2000;
    /// month and day must be possible (month 0–12, or +20/+40 for bis numbers).
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 11 else { return false }
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        guard (0...12).contains(month % 20) || (40...52).contains(month), (0...31).contains(day) else { return false }
        let base = digits[0..<9].reduce(0) { $0 * 10 + $1 }
        let check = digits[9] * 10 + digits[10]
        return 97 - base % 97 == check || 97 - (2_000_000_000 + base) % 97 == check
    }

    /// Whether the digits at `index` continue a longer number (`2026-0012345678`, `3.1415…`).
    static func continuesNumber(_ text: TextView, before index: Int) -> Bool {
        guard let previous = text[index - 1], ".-/,".unicodeScalars.contains(previous) else { return false }
        return text.isDigit(index - 2)
    }
}
