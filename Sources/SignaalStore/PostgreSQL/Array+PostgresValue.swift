extension Array: PostgresEncodable where Element == String {
    /// An array literal such as `{"wonen","energie-water"}`, every element quoted and escaped.
    public var postgresText: String? {
        // Elements without quotes or backslashes, almost all, are quoted as they are.
        if !self.isEmpty, !self.contains(where: { $0.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") } }) {
            return "{\"" + self.joined(separator: "\",\"") + "\"}"
        }
        let elements = self.map { element in
            var quoted = "\""
            for character in element {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "\""
        }
        return "{" + elements.joined(separator: ",") + "}"
    }
}

extension Array: PostgresDecodable where Element == String {
    /// Reads a one-dimensional `text[]` in PostgreSQL's output format (`{a,"b c",NULL}`); NULL elements are skipped.
    public static func decode(postgresText: String?) throws -> [String] {
        guard let text = postgresText, text.first == "{", text.last == "}" else {
            throw Self.decodingError(postgresText)
        }
        var elements: [String] = []
        var current = ""
        var isQuoted = false
        var wasQuoted = false
        var isEscaped = false
        for character in text.dropFirst().dropLast() {
            if isEscaped {
                current.append(character)
                isEscaped = false
            } else if character == "\\" {
                isEscaped = true
            } else if character == "\"" {
                isQuoted.toggle()
                wasQuoted = true
            } else if character == "," && !isQuoted {
                if wasQuoted || current != "NULL" { elements.append(current) }
                current = ""
                wasQuoted = false
            } else {
                current.append(character)
            }
        }
        if !(current.isEmpty && !wasQuoted) && (wasQuoted || current != "NULL") { elements.append(current) }
        return elements
    }
}
