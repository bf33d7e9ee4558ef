import CLibPQ
import Foundation

extension Connection {
    /// Loads rows with `COPY … FROM STDIN` in PostgreSQL's text format: the fastest way in. `statement` is the COPY
    /// statement (written by Signaal, no values in it); `text` the rows. Data goes out in chunks of 256 KiB.
    /// - Returns: the number of rows PostgreSQL reports.
    @discardableResult
    public func copy(_ statement: String, _ text: CopyText) throws -> Int {
        let start = PQexec(self.handle, statement)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            try self.check(start, sql: statement)
            throw PostgresError(code: .server, message: "the statement did not start a COPY FROM STDIN", query: statement)
        }
        PQclear(start)
        var failure: String?
        text.bytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                for offset in stride(from: 0, to: characters.count, by: 256 * 1024) where failure == nil {
                    let length = min(256 * 1024, characters.count - offset)
                    if PQputCopyData(self.handle, characters.baseAddress! + offset, Int32(length)) != 1 {
                        failure = Self.message(of: self.handle)
                    }
                }
            }
        }
        guard PQputCopyEnd(self.handle, failure) == 1 else {
            throw PostgresError(code: .connection, message: Self.message(of: self.handle), query: statement)
        }
        var count = 0
        while let result = PQgetResult(self.handle) {
            defer { PQclear(result) }
            try self.check(result, sql: statement)
            count = Int(String(cString: PQcmdTuples(result))) ?? count
        }
        if let failure { throw PostgresError(code: .connection, message: failure, query: statement) }
        return count
    }
}
