/// A Swift value that can be sent as a statement parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The text PostgreSQL parses for the parameter, or `nil` for SQL NULL.
    var postgresText: String? { get }
}

/// A Swift value that can be read from a result column in PostgreSQL's text format.
public protocol PostgresDecodable {
    /// Creates the value from a column's text, `nil` being SQL NULL.
    ///
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when the text does not fit.
    static func decode(postgresText: String?) throws -> Self
}

extension PostgresDecodable {
    static func decodingError(_ text: String?) -> PostgresError {
        PostgresError(
            code: .decoding,
            message: text == nil ? "unexpected NULL for \(Self.self)" : "cannot read a \(Self.self) from the column"
        )
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self.flatMap(\.postgresText) }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText: String?) throws -> Self {
        guard let postgresText else { return nil }
        return try Wrapped.decode(postgresText: postgresText)
    }
}

extension String: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self }

    public static func decode(postgresText: String?) throws -> String {
        guard let postgresText else { throw Self.decodingError(nil) }
        return postgresText
    }
}

extension Bool: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self ? "t" : "f" }

    public static func decode(postgresText: String?) throws -> Bool {
        switch postgresText {
        case "t": true
        case "f": false
        default: throw Self.decodingError(postgresText)
        }
    }
}

extension Double: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }

    public static func decode(postgresText: String?) throws -> Double {
        guard let postgresText, let value = Double(postgresText) else { throw Self.decodingError(postgresText) }
        return value
    }
}
