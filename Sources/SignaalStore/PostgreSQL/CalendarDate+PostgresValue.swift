public import SignaalCore

extension CalendarDate: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self.description }

    /// Reads a `date` in ISO style (the session's `DateStyle` is set to ISO on connect).
    public static func decode(postgresText: String?) throws -> CalendarDate {
        guard let postgresText, let date = CalendarDate(iso8601: postgresText) else {
            throw Self.decodingError(postgresText)
        }
        return date
    }
}
