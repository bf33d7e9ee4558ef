import SignaalCore

/// Finds IBANs, Belgian and foreign, written in groups of four or in one piece, that pass the mod-97 check.
struct IBANDetector {
    /// IBAN lengths of the countries whose accounts appear in Belgian casework.
    static let lengths: [String: Int] = [
        "BE": 16, "NL": 18, "LU": 20, "FR": 27, "DE": 22, "GB": 22, "IE": 22, "ES": 24, "PT": 25, "IT": 27, "PL": 28,
        "RO": 24, "BG": 22, "CZ": 24, "SK": 24, "HU": 28, "AT": 20, "CH": 21, "GR": 27, "TR": 26, "LT": 20, "LV": 21,
        "EE": 20, "FI": 18, "SE": 24, "DK": 18, "NO": 15, "HR": 21, "SI": 19, "RS": 22, "BA": 20, "AL": 28, "XK": 20,
        "MK": 19, "UA": 29, "MD": 24, "TN": 24, "DZ": 26, "MA": 28, "LB": 28, "JO": 30, "PS": 29, "SA": 24, "AE": 23,
        "MT": 31, "CY": 28, "IS": 26, "GE": 22, "AZ": 28, "BR": 29, "CD": 27, "SN": 28, "CM": 27, "CI": 28,
    ]

    func find(in text: TextView) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index + 4 <= text.count {
            defer { index += 1 }
            guard let first = text[index], Self.isCapitalASCII(first), !text.isAlphanumeric(index - 1),
                let second = text[index + 1], Self.isCapitalASCII(second),
                text.isDigit(index + 2), text.isDigit(index + 3),
                let length = Self.lengths[String(first) + String(second)]
            else { continue }
            // Collect characters, allowing one space or hyphen between groups.
            var characters: [Unicode.Scalar] = []
            var ends: [Int] = []
            var position = index
            while characters.count < length, let scalar = text[position] {
                if Self.isCapitalASCII(scalar) || text.isDigit(position) {
                    characters.append(scalar)
                    ends.append(position + 1)
                    position += 1
                } else if scalar == " " || scalar == "-", text.isAlphanumeric(position + 1), !characters.isEmpty {
                    position += 1
                } else {
                    break
                }
            }
            guard characters.count == length, let end = ends.last, !text.isAlphanumeric(end),
                Self.passesChecksum(characters)
            else { continue }
            spans.append(PersonalDataSpan(kind: .iban, start: index, end: end))
            index = end - 1
        }
        return spans
    }

    /// ISO 13616: the country code and check digits moved to the end, letters as 10…35, the number mod 97 is 1.
    static func passesChecksum(_ characters: [Unicode.Scalar]) -> Bool {
        var remainder = 0
        for scalar in characters.dropFirst(4) + characters.prefix(4) {
            let value = scalar.properties.numericType != nil ? Int(scalar.value - 48) : Int(scalar.value - 55)
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    private static func isCapitalASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x41 && scalar.value <= 0x5A
    }
}
