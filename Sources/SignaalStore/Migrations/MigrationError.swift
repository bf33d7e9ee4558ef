/// Why the schema could not be brought up to date; every case names the file concerned.
public enum MigrationError: Error, CustomStringConvertible, Sendable {
    case directoryNotFound(String)
    case invalidFileName(String)
    case duplicateVersion(String, String)
    case unreadable(String)
    /// A file that was applied before has changed since.
    case checksumMismatch(String)
    /// The database has a migration this program does not know: it is newer than this program.
    case unknownAppliedVersion(version: Int, name: String)
    /// A statement of the file failed; the file was not applied.
    case failed(String, PostgresError)

    public var description: String {
        switch self {
        case .directoryNotFound(let path):
            "migrations directory \(path) not found (set --sql-directory or SIGNAAL_SQL_DIRECTORY)"
        case .invalidFileName(let name):
            "migration file \(name) is not named NNN_short_name.sql"
        case .duplicateVersion(let first, let second):
            "migration files \(first) and \(second) have the same number"
        case .unreadable(let name):
            "migration file \(name) cannot be read as UTF-8"
        case .checksumMismatch(let name):
            "migration \(name) was edited after it was applied: a landed migration is never changed, add a new one"
        case .unknownAppliedVersion(let version, let name):
            "the database has migration \(version) (\(name)) that this program does not know: it is newer than this program"
        case .failed(let name, let error):
            "migration \(name) failed: \(error)"
        }
    }
}
