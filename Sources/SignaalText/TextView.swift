/// The input text as Unicode scalars, with the small questions the detectors ask about positions in it.
struct TextView {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        self.scalars = Array(text.unicodeScalars)
    }

    var count: Int { self.scalars.count }

    subscript(_ index: Int) -> Unicode.Scalar? {
        self.scalars.indices.contains(index) ? self.scalars[index] : nil
    }

    func isDigit(_ index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }

    func isLetter(_ index: Int) -> Bool {
        self[index]?.isLetter ?? false
    }

    func isAlphanumeric(_ index: Int) -> Bool {
        self.isDigit(index) || self.isLetter(index)
    }

    func isUppercase(_ index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    func isSpace(_ index: Int) -> Bool {
        self[index]?.properties.isWhitespace ?? false
    }

    /// The text of `range`, encoded straight into the string (a short word needs no allocation at all).
    func string(_ range: Range<Int>) -> String {
        let scalars = self.scalars[max(0, range.lowerBound)..<min(self.count, range.upperBound)]
        let length = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var position = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[position] = UInt8(scalar.value)
                    position += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[position] = byte
                        position += 1
                    }
                }
            }
            return position
        }
    }

    /// Whether `range` holds exactly one space: `string(range) == " "` without making the string.
    func isSingleSpace(_ range: Range<Int>) -> Bool {
        range.count == 1 && self[range.lowerBound] == " "
    }

    /// Up to `length` scalars before `index`, lower-cased: the context a cue word is looked for in.
    func lowercasedContext(before index: Int, length: Int) -> String {
        self.string(max(0, index - length)..<index).lowercased()
    }

    /// The words (letters, digits, `.`, `-`, `'`) that end before `index`, nearest last, at most `limit`.
    func words(before index: Int, limit: Int) -> [String] {
        var words: [String] = []
        var position = index - 1
        while words.count < limit && position >= 0 {
            while position >= 0, !self.isWordScalar(position) {
                if let scalar = self[position], "\n.!?:;".unicodeScalars.contains(scalar), !words.isEmpty || scalar == "\n" {
                    return words.reversed()
                }
                position -= 1
            }
            let end = position + 1
            while position >= 0, self.isWordScalar(position) { position -= 1 }
            if end > position + 1 { words.append(self.string(position + 1..<end)) }
        }
        return words.reversed()
    }

    private func isWordScalar(_ index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return scalar.isLetter || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "." || scalar == "'"
            || scalar == "-" || scalar == "°"
    }

    /// The digits of `range`, skipping everything else.
    func digits(_ range: Range<Int>) -> [Int] {
        range.compactMap { self.isDigit($0) ? Int(self.scalars[$0].value - 0x30) : nil }
    }
}
