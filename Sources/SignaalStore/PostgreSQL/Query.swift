/// A statement with its parameters: the text holds `$1 … $n` placeholders and the values travel apart.
///
/// Write it as a literal, interpolating values, which become parameters and never part of the text:
///
/// ```swift
/// let query: Query = "SELECT id FROM signaal.signals WHERE tracking_code = \(code.rawValue)"
/// // sql: SELECT id FROM signaal.signals WHERE tracking_code = $1, parameters: ["K7QM-2XDA"]
/// ```
///
/// Text built at run time needs ``init(unsafeSQL:parameters:)``, whose name says what it risks.
public struct Query: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with placeholders.
    public let sql: String
    /// Parameters in text format; `nil` is SQL NULL.
    public let parameters: [String?]

    /// A statement whose text the caller vouches for; values still go in `parameters`.
    public init(unsafeSQL sql: String, parameters: [String?] = []) {
        self.sql = sql
        self.parameters = parameters
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, parameters: stringInterpolation.parameters)
    }

    /// The statement text only: parameters are never printed.
    public var description: String { self.sql }

    /// Builds the text and turns each interpolated value into the next placeholder.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var parameters: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            self.sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            self.parameters.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            self.sql += literal
        }

        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            self.bind(value.postgresText)
        }

        /// A value that may be missing, bound as SQL NULL when it is: an optional is meant here, not its debug text.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            self.bind(value.flatMap(\.postgresText))
        }

        /// A fragment written once for several statements (a common table expression, say): its text, with its
        /// placeholders renumbered to follow this statement's, and its parameters. The fragment must not contain a
        /// `$` other than its placeholders (no dollar quoting).
        public mutating func appendInterpolation(fragment: Query) {
            let offset = self.parameters.count
            var scalars = fragment.sql.unicodeScalars[...]
            while let dollar = scalars.firstIndex(of: "$") {
                self.sql.unicodeScalars.append(contentsOf: scalars[...dollar])
                let digits = scalars[scalars.index(after: dollar)...].prefix { ("0"..."9").contains($0) }
                if let number = Int(String(String.UnicodeScalarView(digits))) { self.sql += String(number + offset) }
                scalars = scalars[digits.endIndex...]
            }
            self.sql.unicodeScalars.append(contentsOf: scalars)
            self.parameters += fragment.parameters
        }

        private mutating func bind(_ text: String?) {
            self.parameters.append(text)
            self.sql += "$\(self.parameters.count)"
        }
    }
}
