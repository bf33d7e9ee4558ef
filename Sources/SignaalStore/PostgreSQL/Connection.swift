import CLibPQ
import Foundation

/// One libpq connection: a thin layer over `PGconn` that runs parameterised statements and returns rows.
///
/// Every call blocks its thread. A connection is not `Sendable`: use it on one thread at a time, through
/// ``ConnectionPool/withConnection(logger:_:)`` which runs the work on the pool's own threads.
public final class Connection {
    let handle: OpaquePointer
    /// The statements prepared on this connection, by name.
    private var preparedStatements: Set<String> = []

    /// Connects and prepares the session: UTC time zone, ISO dates, warnings only (no NOTICE on stderr).
    ///
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/connection`` and libpq's message.
    public init(configuration: DatabaseConfiguration) throws {
        let handle = configuration.withConnectionParameters { keywords, values in
            PQconnectdbParams(keywords, values, 1)
        }
        guard let handle else {
            throw PostgresError(code: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.message(of: handle)
            PQfinish(handle)
            throw PostgresError(code: .connection, message: message)
        }
        self.handle = handle
        try self.execute(unsafeSQL: "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET client_min_messages = warning")
    }

    deinit {
        PQfinish(self.handle)
    }

    /// Whether the connection is still usable (libpq's `PQstatus`).
    public var isHealthy: Bool { PQstatus(self.handle) == CONNECTION_OK }

    /// Runs one statement and returns its rows.
    @discardableResult
    public func query(_ query: Query) throws -> [Row] {
        let result = try self.run(query)
        defer { PQclear(result) }
        return Self.rows(of: result)
    }

    /// Runs one statement of a hot path and returns its rows: prepared on this connection under `name` the first
    /// time, so that PostgreSQL parses and plans it once per connection rather than once per call.
    @discardableResult
    public func query(_ query: Query, preparedAs name: String) throws -> [Row] {
        if !self.preparedStatements.contains(name) {
            let prepared = PQprepare(self.handle, name, query.sql, Int32(query.parameters.count), nil)
            defer { PQclear(prepared) }
            try self.check(prepared, sql: query.sql)
            self.preparedStatements.insert(name)
        }
        let result = query.parameters.withCStringArray { values in
            PQexecPrepared(self.handle, name, Int32(values.count), values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try self.check(result, sql: query.sql)
        return Self.rows(of: result!)
    }

    /// Runs one statement that returns exactly one row.
    public func fetchOne(_ query: Query) throws -> Row {
        guard let row = try self.query(query).first else {
            throw PostgresError(code: .unexpectedResult, message: "the statement returned no row", query: query.sql)
        }
        return row
    }

    /// Runs one statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ query: Query) throws -> Int {
        let result = try self.run(query)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs a script of one or more statements without parameters (migrations, session settings).
    public func execute(unsafeSQL script: String) throws {
        let result = PQexec(self.handle, script)
        defer { PQclear(result) }
        try self.check(result, sql: script.count > 200 ? String(script.prefix(200)) + "…" : script)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// - Parameter script: Statements without parameters (a lock, a setting) sent with `BEGIN` in the same round
    ///   trip.
    public func withTransaction<T>(startingWith script: String? = nil, _ body: (Connection) throws -> T) throws -> T {
        try self.execute(unsafeSQL: script.map { "BEGIN; " + $0 } ?? "BEGIN")
        do {
            let value = try body(self)
            try self.execute(unsafeSQL: "COMMIT")
            return value
        } catch {
            if PQtransactionStatus(self.handle) != PQTRANS_IDLE {
                try? self.execute(unsafeSQL: "ROLLBACK")
            }
            throw error
        }
    }

    private func run(_ query: Query) throws -> OpaquePointer {
        let result = query.parameters.withCStringArray { values in
            PQexecParams(self.handle, query.sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        do {
            try self.check(result, sql: query.sql)
        } catch {
            PQclear(result)
            throw error
        }
        return result!
    }

    func check(_ result: OpaquePointer?, sql: String) throws {
        guard let result else {
            throw PostgresError(code: .connection, message: Self.message(of: self.handle), query: sql)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
            }
            let sqlState = field("C").map(SQLState.init)
            throw PostgresError(
                code: sqlState == nil ? .connection : .server,
                sqlState: sqlState,
                message: field("M") ?? Self.message(of: self.handle),
                detail: field("D"),
                hint: field("H"),
                constraint: field("n"),
                table: field("t"),
                query: sql
            )
        }
    }

    static func rows(of result: OpaquePointer) -> [Row] {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        return (0..<rowCount).map { row in
            Row(
                columns: columns,
                values: (0..<columnCount).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                })
        }
    }

    static func message(of handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Array where Element == String? {
    /// Calls `body` with C strings that stay alive for the call; `nil` elements stay null pointers.
    func withCStringArray<Result>(_ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
        // One buffer for all values, each followed by a NUL: one allocation however many parameters.
        var storage: [UInt8] = []
        storage.reserveCapacity(self.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        let offsets = self.map { value -> Int? in
            guard let value else { return nil }
            defer {
                storage.append(contentsOf: value.utf8)
                storage.append(0)
            }
            return storage.count
        }
        return storage.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                body(offsets.map { $0.map { UnsafePointer(characters.baseAddress! + $0) } })
            }
        }
    }
}

extension Connection {
    /// Whether a transaction is open (or failed and not yet rolled back).
    var isInTransaction: Bool {
        let status = PQtransactionStatus(self.handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }
}
