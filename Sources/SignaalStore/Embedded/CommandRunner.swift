import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion without blocking a cooperative thread, capturing its output in a file.
///
/// Programs are started with `posix_spawn`, standard input from `/dev/null`, and no descriptor above 2 inherited:
/// `pg_ctl start` leaves a server running that would otherwise hold descriptors of this process open. Output goes
/// to a file rather than a pipe for the same reason.
struct CommandRunner: Sendable {
    /// Where the output of the latest command is collected (commands run one after another).
    let outputFile: String

    /// Runs `arguments[0]` with the rest as arguments, in `directory`.
    ///
    /// - Returns: The exit status (128 + signal number when killed) and what the command printed.
    func run(_ arguments: [String], in directory: String) async throws -> (status: Int32, output: String) {
        let pid = try self.spawn(arguments, in: directory)
        let status = await withCheckedContinuation { continuation in
            // waitpid blocks: give it a thread of its own rather than a cooperative one.
            Thread.detachNewThread { continuation.resume(returning: Self.waitForExit(pid)) }
        }
        let printed = (try? String(contentsOfFile: self.outputFile, encoding: .utf8)) ?? ""
        return (status, printed.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs a command and waits for it on the calling thread, needing no other thread: for exit paths that must
    /// not wait on Swift concurrency (whose few threads may all be the ones waiting). Its exit status.
    func runBlocking(_ arguments: [String], in directory: String) throws -> Int32 {
        Self.waitForExit(try self.spawn(arguments, in: directory))
    }

    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs a command and throws ``EmbeddedPostgresError/commandFailed(command:status:output:)`` unless it exits 0.
    func check(_ arguments: [String], in directory: String) async throws {
        let (status, output) = try await self.run(arguments, in: directory)
        guard status == 0 else {
            let name = arguments.first { $0.hasSuffix("initdb") || $0.hasSuffix("pg_ctl") } ?? arguments[0]
            throw EmbeddedPostgresError.commandFailed(
                command: (name as NSString).lastPathComponent,
                status: status,
                output: String(output.suffix(2000))
            )
        }
    }

    private func spawn(_ arguments: [String], in directory: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, self.outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.markDescriptorsCloseOnExec()
        // `env --chdir`: posix_spawn's own chdir action is a GNU extension Swift does not import.
        let command = ["/usr/bin/env", "--chdir=\(directory)"] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw EmbeddedPostgresError.commandFailed(
                command: (arguments[0] as NSString).lastPathComponent, status: result, output: String(cString: strerror(result)))
        }
        return pid
    }

    /// Sets close-on-exec on every open descriptor above 2, so that children inherit only standard input and output.
    private static func markDescriptorsCloseOnExec() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in entries.compactMap(Int32.init) where descriptor > 2 {
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }
}
