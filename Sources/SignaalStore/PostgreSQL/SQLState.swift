/// A PostgreSQL error code (SQLSTATE), e.g. `23505` for a unique violation.
public struct SQLState: Hashable, Sendable, CustomStringConvertible {
    /// The five-character code.
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { self.rawValue }

    /// The error class: the first two characters (`23` integrity constraint violation, `08` connection exception, …).
    public var errorClass: String { String(self.rawValue.prefix(2)) }

    public static let uniqueViolation = SQLState("23505")
    public static let foreignKeyViolation = SQLState("23503")
    public static let checkViolation = SQLState("23514")
    public static let notNullViolation = SQLState("23502")
    public static let insufficientPrivilege = SQLState("42501")
    public static let undefinedTable = SQLState("42P01")
    public static let syntaxError = SQLState("42601")
    public static let serializationFailure = SQLState("40001")
    public static let deadlockDetected = SQLState("40P01")
    public static let adminShutdown = SQLState("57P01")
    public static let cannotConnectNow = SQLState("57P03")
    public static let invalidCatalogName = SQLState("3D000")
    public static let duplicateDatabase = SQLState("42P04")
}
