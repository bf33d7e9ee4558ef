public import Foundation

/// A CSV file as spreadsheets write it: UTF-8 (with or without a byte order mark) or Windows-1252, `;`, `,` or tab
/// as separator (taken from the header line), fields in double quotes with `""` for a quote and line breaks inside
/// quotes. Each record keeps the line it starts on, for error reports.
public struct CSVTable: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        /// The line of the file the record starts on (the header is line 1).
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public let header: [String]
    public let records: [Record]
    public let separator: Character
    /// `UTF-8` or `Windows-1252`.
    public let encoding: String

    /// Parses a whole file.
    /// - Throws: ``CSVError`` when the file is empty or a quote is never closed.
    public init(data: Data) throws(CSVError) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text: String
        if let utf8 = String(data: bytes, encoding: .utf8) {
            (text, self.encoding) = (utf8, "UTF-8")
        } else if let windows = String(data: bytes, encoding: .windowsCP1252) {
            (text, self.encoding) = (windows, "Windows-1252")
        } else {
            throw CSVError(line: 1, message: "de tekenset is geen UTF-8 en geen Windows-1252")
        }
        let scalars = Array(text.unicodeScalars)
        let separator = Self.separator(scalars)
        var rows: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var index = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == separator {
                endField()
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(scalar)
            }
            index += 1
        }
        if quoted { throw CSVError(line: recordLine, message: "een aanhalingsteken wordt nooit gesloten") }
        endRecord()
        guard let header = rows.first else { throw CSVError(line: 1, message: "het bestand is leeg") }
        self.header = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.records = Array(rows.dropFirst())
        self.separator = Character(separator)
    }

    /// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes.
    private static func separator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.value > $1.key.value }!.key
    }
}

/// A CSV file that cannot be read, with the line.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "regel \(self.line): \(self.message)" }

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
