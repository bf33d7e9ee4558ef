/// One row of a result, copied out of libpq's result so that it can cross threads.
public struct Row: Sendable {
    /// The column names, shared by all rows of a result.
    public let columns: [String]
    /// The values in text format; `nil` is SQL NULL.
    public let values: [String?]

    /// The value of the column at `index`, converted.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type = Value.self, at index: Int) throws -> Value {
        guard self.values.indices.contains(index) else {
            throw PostgresError(code: .decoding, message: "no column at index \(index)")
        }
        do {
            return try Value.decode(postgresText: self.values[index])
        } catch var error as PostgresError {
            error.message += " (column \(self.columns[index]))"
            throw error
        }
    }

    /// The value of the column named `column`, converted.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type = Value.self, column: String) throws -> Value {
        guard let index = self.columns.firstIndex(of: column) else {
            throw PostgresError(code: .decoding, message: "no column named \(column)")
        }
        return try self.decode(type, at: index)
    }
}
