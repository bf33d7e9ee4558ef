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
        var content = data
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        let text: String
        if let utf8 = String(data: content, encoding: .utf8) {
            (text, self.encoding) = (utf8, "UTF-8")
        } else if let windows = String(data: content, encoding: .windowsCP1252) {
            (text, self.encoding) = (windows, "Windows-1252")
        } else {
            throw CSVError(line: 1, message: "de tekenset is geen UTF-8 en geen Windows-1252")
        }
        // Separators, quotes and line breaks are ASCII, and no byte of a multi-byte UTF-8 sequence is: the file is
        // read byte by byte.
        let bytes = Array(text.utf8)
        let separator = Self.separator(bytes)
        var rows: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        let (quote, lineFeed, carriageReturn): (UInt8, UInt8, UInt8) = (0x22, 0x0A, 0x0D)
        bytes.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                let byte = bytes[index]
                if quoted {
                    if byte == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 1
                        } else {
                            quoted = false
                        }
                        index += 1
                        continue
                    }
                    // The bytes up to the next quote belong to the field as they are.
                    var end = index
                    while end < bytes.count, bytes[end] != quote {
                        if bytes[end] == lineFeed { line += 1 }
                        end += 1
                    }
                    field.append(contentsOf: bytes[index..<end])
                    index = end
                } else if byte == quote && field.isEmpty {
                    quoted = true
                    index += 1
                } else if byte == separator {
                    endField()
                    index += 1
                } else if byte == lineFeed || byte == carriageReturn {
                    if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == lineFeed { index += 1 }
                    endRecord()
                    line += 1
                    recordLine = line
                    index += 1
                } else {
                    // The bytes up to the next quote, separator or line break belong to the field as they are.
                    var end = index + 1
                    while end < bytes.count, bytes[end] != quote, bytes[end] != separator, bytes[end] != lineFeed,
                        bytes[end] != carriageReturn
                    {
                        end += 1
                    }
                    field.append(contentsOf: bytes[index..<end])
                    index = end
                }
            }
        }
        if quoted { throw CSVError(line: recordLine, message: "een aanhalingsteken wordt nooit gesloten") }
        endRecord()
        guard let header = rows.first else { throw CSVError(line: 1, message: "het bestand is leeg") }
        self.header = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        self.records = Array(rows.dropFirst())
        self.separator = Character(Unicode.Scalar(separator))
    }

    /// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes.
    private static func separator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
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
