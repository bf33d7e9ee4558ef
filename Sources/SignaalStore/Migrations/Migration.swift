import Foundation

/// One file of `sql/`: `NNN_short_name.sql`, applied once, in order, never edited after it landed.
public struct Migration: Sendable, Equatable {
    /// The number in the file name.
    public let version: Int
    /// The file name, e.g. `001_schemas_and_roles.sql`.
    public let fileName: String
    /// The statements of the file.
    public let sql: String

    /// Reads every migration of a directory, ordered by version.
    ///
    /// - Throws: ``MigrationError`` when the directory is missing, a `.sql` file is not named `NNN_name.sql`, or
    ///   two files share a version.
    public static func load(from directory: String) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError.directoryNotFound(directory)
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let version = Self.version(ofFileName: name) else { throw MigrationError.invalidFileName(name) }
            if let other = migrations.first(where: { $0.version == version }) {
                throw MigrationError.duplicateVersion(other.fileName, name)
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let sql = String(data: data, encoding: .utf8)
            else { throw MigrationError.unreadable(name) }
            migrations.append(Migration(version: version, fileName: name, sql: sql))
        }
        return migrations.sorted { $0.version < $1.version }
    }

    /// `NNN` of `NNN_short_name.sql` (three digits, lower-case snake-case name), or `nil`.
    static func version(ofFileName name: String) -> Int? {
        let stem = name.dropLast(".sql".count)
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 3, let version = Int(parts[0]), version > 0,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else { return nil }
        return version
    }
}
