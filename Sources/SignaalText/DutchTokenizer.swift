/// Splits Dutch free text into lower-case words without diacritics, keeping the field's abbreviations
/// (`OCMW`, `CAW`, `SVK`, `GPMI`, …) whole and in capitals, so that `ocmw's`, `OCMW` and `Ocmw` are one term.
public struct DutchTokenizer: Sendable {
    /// Abbreviations of Flemish social work and social security, kept as terms of their own.
    public static let abbreviations: Set<String> = [
        "OCMW", "CAW", "SVK", "GPMI", "BOM", "DMH", "RIZIV", "VDAB", "CGG", "IVT", "LEZ", "RVA", "FOD", "KB", "BCSD",
        "RIJ", "MAF", "GAS", "BSO", "TSO", "ASO", "OKAN", "CLB", "JAC", "OCJ", "VAPH", "PVB", "DVO", "VMW", "SHM",
        "BTW", "KBO", "EPC", "UITPAS", "DIFTAR", "ZIV", "HVW", "RVP", "IGO", "BIM", "VT", "WIGW", "AZ", "UZ", "AMA",
        "NBMV", "ITSME", "EID", "NMBS", "PWA", "IBO", "BKO", "MFC", "CKG", "OVAM",
    ]

    /// Abbreviations that are also ordinary words in lower case (`gas`, `bom`): abbreviations only in capitals.
    static let ambiguousAbbreviations: Set<String> = ["GAS", "BOM", "VT", "KB", "AMA", "RIJ", "IBO", "BIM", "MAF", "IGO", "ZIV"]

    /// The abbreviations recognised in lower case (`ocmw` → `OCMW`): all but the ambiguous ones.
    static let abbreviationsInLowerCase = Dictionary(
        uniqueKeysWithValues: Self.abbreviations.subtracting(Self.ambiguousAbbreviations).map { ($0.lowercased(), $0) })

    /// The length of the longest abbreviation: longer words need no look-up.
    static let longestAbbreviation = Self.abbreviations.map(\.utf8.count).max() ?? 0
    /// Turns away most words that are no abbreviation in lower case before they are looked up.
    private static let lowerCasePrefilter = WordPrefilter(Self.abbreviationsInLowerCase.keys)

    public init() {}

    /// The words of `text`: letters and digits, lower-cased and without diacritics; abbreviations in capitals.
    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []  // the word so far, in UTF-8
        func flush() {
            guard !current.isEmpty else { return }
            // Most words are lower-case ASCII letters and digits: already their own key.
            if current.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
                let word = String(decoding: current, as: UTF8.self)
                let mayBeAbbreviation = Self.lowerCasePrefilter.mayContain(current)
                current.removeAll(keepingCapacity: true)
                tokens.append(mayBeAbbreviation ? Self.abbreviationsInLowerCase[word] ?? word : word)
                return
            }
            // Capitalised words and abbreviations in ASCII: one part, cased by their bytes.
            if current.allSatisfy({ $0 < 0x80 && $0 != 0x2D && $0 != 0x27 }) {
                let upper = current.count <= Self.longestAbbreviation ? Self.cased(current, from: 0x61) : ""
                if Self.abbreviations.contains(upper), current.elementsEqual(upper.utf8) || !Self.ambiguousAbbreviations.contains(upper) {
                    tokens.append(upper)
                } else {
                    tokens.append(Self.cased(current, from: 0x41))
                }
                current.removeAll(keepingCapacity: true)
                return
            }
            var word = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if word.hasSuffix("'s") { word.removeLast(2) }  // ocmw's, baby's
            for part in word.split(separator: "-").map({ String($0).trimmingCharacters(in: "'") }) where !part.isEmpty {
                let upper = part.utf8.count <= Self.longestAbbreviation ? part.uppercased() : ""
                if Self.abbreviations.contains(upper), part == upper || !Self.ambiguousAbbreviations.contains(upper) {
                    tokens.append(upper)
                } else {
                    tokens.append(NameLexicon.key(part))
                }
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isLetter || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                if scalar.isASCII { current.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { current.append($0) } }
            } else if scalar == "'" || scalar == "’" || scalar == "-", !current.isEmpty {
                current.append(scalar == "-" ? 0x2D : 0x27)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// ASCII `bytes` with the 26 letters from `first` (`a` or `A`) moved to the other case.
    private static func cased(_ bytes: [UInt8], from first: UInt8) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            _ = buffer.initialize(from: bytes.lazy.map { $0 >= first && $0 < first + 26 ? $0 ^ 0x20 : $0 })
            return bytes.count
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
