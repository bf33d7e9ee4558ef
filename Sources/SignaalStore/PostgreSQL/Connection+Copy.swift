import CLibPQ
import Foundation

extension Connection {
    /// Loads rows with `COPY … FROM STDIN` in PostgreSQL's text format: the fastest way in. `statement` is the COPY
    /// statement (written by Signaal, no values in it); each row is its columns, `nil` for NULL. Data goes out in
    /// chunks of about 256 KiB.
    /// - Returns: the number of rows PostgreSQL reports.
    @discardableResult
    public func copy(_ statement: String, rows: some Sequence<[String?]>) throws -> Int {
        let start = PQexec(self.handle, statement)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            try self.check(start, sql: statement)
            throw PostgresError(code: .server, message: "the statement did not start a COPY FROM STDIN", query: statement)
        }
        PQclear(start)
        var buffer = [UInt8]()
        buffer.reserveCapacity(300_000)
        var failure: String?
        func flush() {
            guard !buffer.isEmpty, failure == nil else { return }
            let sent = buffer.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(self.handle, $0.baseAddress, Int32($0.count)) }
            }
            if sent != 1 { failure = Self.message(of: self.handle) }
            buffer.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: "\t")) }
                guard let value else {
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                    continue
                }
                // Most values need no escaping: copied whole.
                if !value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
                    buffer.append(contentsOf: value.utf8)
                    continue
                }
                for byte in value.utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                    case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                    case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                    case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                    default: buffer.append(byte)
                    }
                }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 256 * 1024 { flush() }
        }
        flush()
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
