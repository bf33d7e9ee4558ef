/// Rows in PostgreSQL's text format for `COPY … FROM STDIN`, written field by field (see `Connection.copy(_:_:)`).
public struct CopyText: Sendable {
    /// The rows so far, in UTF-8.
    public private(set) var bytes: [UInt8] = []
    private var isAtRowStart = true

    public init() {}

    /// Appends the next field of the current row; nil is NULL.
    public mutating func append(_ value: String?) {
        if !self.isAtRowStart { self.bytes.append(UInt8(ascii: "\t")) }
        self.isAtRowStart = false
        guard let value else {
            self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
            return
        }
        // Most values need no escaping: copied whole (checked on the string's own bytes when it has them in one piece).
        let needsEscaping: (UInt8) -> Bool = { $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        if !(value.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscaping) } ?? value.utf8.contains(where: needsEscaping))
        {
            self.bytes.append(contentsOf: value.utf8)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\t"): self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): self.bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: self.bytes.append(byte)
            }
        }
    }

    /// Appends a whole row.
    public mutating func append(row: [String?]) {
        for value in row { self.append(value) }
        self.endRow()
    }

    /// Ends the current row.
    public mutating func endRow() {
        self.bytes.append(UInt8(ascii: "\n"))
        self.isAtRowStart = true
    }
}
