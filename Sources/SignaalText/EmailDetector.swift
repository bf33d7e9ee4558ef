import SignaalCore

/// Finds e-mail addresses: `local@domain.tld`.
struct EmailDetector {
    func find(in text: TextView) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text[index] == "@" else { continue }
            var start = index
            while start > 0, let scalar = text[start - 1], Self.isLocalScalar(scalar) { start -= 1 }
            while start < index, text[start] == "." { start += 1 }
            var end = index + 1
            while let scalar = text[end], Self.isDomainScalar(scalar) { end += 1 }
            while end > index + 1, let last = text[end - 1], last == "." || last == "-" { end -= 1 }
            let domain = text.string(index + 1..<end)
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard start < index, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
                let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
            else { continue }
            spans.append(PersonalDataSpan(kind: .emailAddress, start: start, end: end))
            index = end - 1
        }
        return spans
    }

    private static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isLetter || ("0"..."9").contains(scalar) || "._%+-'".unicodeScalars.contains(scalar)
    }

    private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && scalar.isLetter) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
    }
}
