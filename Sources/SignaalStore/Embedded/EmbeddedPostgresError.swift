/// Why the embedded PostgreSQL cluster could not be used; each case is one sentence saying what to do.
public enum EmbeddedPostgresError: Error, CustomStringConvertible, Sendable {
    case binariesNotFound
    case unreachableByServerUser(directory: String, user: String)
    case commandFailed(command: String, status: Int32, output: String)

    public var description: String {
        switch self {
        case .binariesNotFound:
            "PostgreSQL's server programs (initdb, pg_ctl) were not found: install them with "
                + "`apt-get install postgresql` (Debian/Ubuntu), or point --database-url / DATABASE_URL at an "
                + "existing database."
        case .unreachableByServerUser(let directory, let user):
            "The embedded PostgreSQL runs as the user \(user) (PostgreSQL refuses root), who cannot write to "
                + "\(directory) (a parent folder such as /root is closed to other users): choose another folder "
                + "with --data-dir / SIGNAAL_DATA_DIR, or run Signaal as an ordinary user."
        case .commandFailed(let command, let status, let output):
            "\(command) failed with exit status \(status): \(output)"
        }
    }
}
