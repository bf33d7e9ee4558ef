import Foundation

/// The unprivileged system user PostgreSQL runs as when Signaal runs as root.
struct ServerUser: Sendable {
    let name: String

    /// Creates the system user when it does not exist yet (Debian's postgresql package normally creates it).
    func prepare(runner: CommandRunner, directory: String) async throws {
        guard getpwnam(self.name) == nil else { return }
        try await runner.check(
            ["/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", self.name], in: directory)
    }

    /// Gives the user the folders the server writes to.
    func takeOwnership(of paths: [String]) throws {
        guard let entry = getpwnam(self.name) else { return }
        for path in paths where chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) != 0 {
            throw EmbeddedPostgresError.commandFailed(command: "chown \(path)", status: errno, output: String(cString: strerror(errno)))
        }
    }

    /// The command line that runs `arguments` as this user, with the user's own groups.
    func wrap(_ arguments: [String]) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(self.name)", "--regid=\(self.name)", "--init-groups", "--"] + arguments
    }
}
