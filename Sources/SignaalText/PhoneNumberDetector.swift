import SignaalCore

/// Finds phone numbers: Belgian mobile and landline numbers with `+32`, `0032` or `0` and any of the usual
/// separators (spaces, dots, slashes, hyphens, `(0)`), and foreign numbers written with `+` and a country code.
///
/// Service numbers (0800, 090x, 070, 077, 078) reach organisations, not people, and are left alone, as are
/// enterprise numbers (`0456.789.133`).
struct PhoneNumberDetector {
    static let otherNumberCues: Set<String> = ["ondernemingsnummer", "btw", "kbo", "btw-nummer", "iban", "rekeningnummer"]

    func find(in text: TextView) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard let scalar = text[index], scalar == "+" || text.isDigit(index),
                !text.isAlphanumeric(index - 1), text[index - 1] != "+",
                !NationalRegisterNumberDetector.continuesNumber(text, before: index),
                let end = self.match(text, at: index)
            else { continue }
            let words = text.words(before: index, limit: 2).map { $0.lowercased().trimmingPunctuation() }
            guard !words.contains(where: Self.otherNumberCues.contains) else { continue }
            spans.append(PersonalDataSpan(kind: .phoneNumber, start: index, end: end))
            index = end - 1
        }
        return spans
    }

    private func match(_ text: TextView, at start: Int) -> Int? {
        var position = start
        var isBelgian = true
        if text[start] == "+" {
            let code = text.digits(start + 1..<start + 3)
            guard code.count == 2 || text.isDigit(start + 1) else { return nil }
            if code == [3, 2] {
                position = start + 3
            } else {
                isBelgian = false
                position = start + 1
            }
        } else if text.digits(start..<start + 4) == [0, 0, 3, 2], text.isDigit(start + 3) {
            position = start + 4
        } else if text.isDigit(start), text[start]!.value == 0x30, text.isDigit(start + 1), text[start + 1]!.value != 0x30 {
            position = start + 1  // the trunk prefix 0
        } else {
            return nil
        }
        if isBelgian, position != start + 1 {
            // After +32 / 0032: an optional space and an optional "(0)".
            if text[position] == " " { position += 1 }
            if text.string(position..<position + 3) == "(0)" { position += 3 }
        }
        return isBelgian ? self.belgianNumber(text, from: position, start: start) : self.foreignNumber(text, from: position)
    }

    /// Belgian: 8 significant digits for landlines, 9 for mobiles (4xx); groups end on a group boundary.
    private func belgianNumber(_ text: TextView, from start: Int, start numberStart: Int) -> Int? {
        var groups: [[Int]] = []
        var separators: [Unicode.Scalar] = []
        var position = start
        var significant: [Int] = []
        while true {
            if !groups.isEmpty {
                guard let separator = text[position], " ./-".unicodeScalars.contains(separator), text.isDigit(position + 1)
                else { break }
                separators.append(separator)
                position += 1
            }
            var group: [Int] = []
            while text.isDigit(position) {
                group.append(Int(text[position]!.value - 0x30))
                position += 1
            }
            guard !group.isEmpty else { return nil }
            groups.append(group)
            significant += group
            guard let first = significant.first, first != 0 else { return nil }
            let expected = first == 4 ? 9 : 8
            if significant.count == expected { break }
            if significant.count > expected { return nil }
            if text.isLetter(position) { return nil }
        }
        guard let first = significant.first, significant.count == (first == 4 ? 9 : 8), !text.isAlphanumeric(position)
        else { return nil }
        if let next = text[position], ".,/-".unicodeScalars.contains(next), text.isDigit(position + 1) { return nil }
        let prefix = significant.prefix(3).map(String.init).joined()
        if prefix.hasPrefix("800") || prefix.hasPrefix("90") || prefix.hasPrefix("70") || prefix.hasPrefix("77")
            || prefix.hasPrefix("78")
        {
            return nil
        }
        // 0456.789.133 is an enterprise number, not a phone number.
        if groups.map(\.count) == [3, 3, 3], separators.allSatisfy({ $0 == "." }), text[numberStart] == "0" { return nil }
        return position
    }

    /// Foreign: `+` country code and 8–13 further digits in groups.
    private func foreignNumber(_ text: TextView, from start: Int) -> Int? {
        var position = start
        var digits = 0
        var groups = 0
        while true {
            if groups > 0 {
                guard let separator = text[position], " ./-".unicodeScalars.contains(separator), text.isDigit(position + 1)
                else { break }
                position += 1
            }
            guard text.isDigit(position) else { break }
            while text.isDigit(position) {
                digits += 1
                position += 1
            }
            groups += 1
        }
        guard (9...15).contains(digits), !text.isAlphanumeric(position) else { return nil }
        return position
    }
}
