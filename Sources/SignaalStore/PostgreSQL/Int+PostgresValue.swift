extension FixedWidthInteger where Self: PostgresDecodable {
    public static func decode(postgresText: String?) throws -> Self {
        guard let postgresText, let value = Self(postgresText) else { throw Self.decodingError(postgresText) }
        return value
    }
}

extension FixedWidthInteger where Self: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int: PostgresEncodable, PostgresDecodable {}
extension Int64: PostgresEncodable, PostgresDecodable {}
extension Int32: PostgresEncodable, PostgresDecodable {}
extension Int16: PostgresEncodable, PostgresDecodable {}
