/// An error from PostgreSQL or from talking to it.
///
/// ``description`` carries the server's message and SQLSTATE but never the values bound to a statement;
/// ``debugDescription`` adds the statement's text, still without its values.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { self.name }

        /// The connection could not be made or was lost.
        public static let connection = Code("connection")
        /// The server reported an error for a statement (see ``PostgresError/sqlState``).
        public static let server = Code("server")
        /// A value in a result could not be converted to the requested Swift type.
        public static let decoding = Code("decoding")
        /// The pool was closed.
        public static let poolClosed = Code("poolClosed")
        /// No connection became free in time.
        public static let timeout = Code("timeout")
        /// The server answered in a way the caller did not expect (no rows for `fetchOne`, a COPY state, …).
        public static let unexpectedResult = Code("unexpectedResult")
    }

    public var code: Code
    /// The SQLSTATE of a server error.
    public var sqlState: SQLState?
    /// The server's (or libpq's) primary message.
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The constraint that was violated, if any.
    public var constraint: String?
    /// The table concerned, if any.
    public var table: String?
    /// The statement text (never its bound values), for ``debugDescription`` only.
    public var query: String?

    public init(
        code: Code,
        sqlState: SQLState? = nil,
        message: String,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        query: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.query = query
    }

    /// Whether the failure means the database is unreachable rather than that a statement was wrong.
    public var isUnavailable: Bool {
        self.code == .connection || self.code == .poolClosed || self.code == .timeout
            || self.sqlState?.errorClass == "08" || self.sqlState == .adminShutdown
            || self.sqlState == .cannotConnectNow
    }

    public var description: String {
        var text = "PostgreSQL \(self.code)"
        if let sqlState { text += " \(sqlState)" }
        text += ": \(self.message)"
        if let constraint { text += " (constraint \(constraint))" }
        return text
    }

    public var debugDescription: String {
        var text = self.description
        if let hint { text += "; hint: \(hint)" }
        if let query { text += "; query: \(query)" }
        return text
    }
}
