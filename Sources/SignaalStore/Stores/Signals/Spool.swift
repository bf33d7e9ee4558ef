import Foundation
public import Logging
import NIOPosix
public import SignaalCore
public import SignaalIntake
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A local, fsynced, append-only file of signals accepted while PostgreSQL was unreachable, replayed into the
/// database in order once it is back, also after a restart.
///
/// One JSON line per signal (``SpooledSignal``) in `<folder>/signals.jsonl`. An append returns only after the line
/// is on disk. Every file operation runs on the spool's own thread, one after another, so appends keep their order
/// and never block Swift's cooperative threads. A line that cannot be stored (its data no longer fits the
/// database) moves to `rejected.jsonl` for a person to look at: nothing accepted is dropped.
public final class Spool: Sendable {
    /// The spool's folder.
    public let directory: String
    private let fileThread = NIOThreadPool(numberOfThreads: 1)
    private let lineCount: Mutex<Int>

    private var path: String { self.directory + "/signals.jsonl" }
    private var rejectedPath: String { self.directory + "/rejected.jsonl" }

    /// Opens (or creates) the spool in `directory` and counts what is waiting in it.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        self.lineCount = Mutex(try Self.readLines(at: directory + "/signals.jsonl").count)
        self.fileThread.start()
    }

    deinit {
        self.fileThread.shutdownGracefully { _ in }
    }

    /// Signals waiting to be stored.
    public var depth: Int { self.lineCount.withLock { $0 } }

    /// Appends a signal and returns once it is on disk.
    public func append(_ entry: SpooledSignal) async throws {
        let line = try Self.encoder.encode(entry) + [UInt8(ascii: "\n")]
        let path = self.path
        try await self.fileThread.runIfActive { try Self.appendDurably(line, to: path) }
        self.lineCount.withLock { $0 += 1 }
    }

    /// Stores every waiting signal, oldest first, and removes each from the spool once stored.
    ///
    /// - Parameter prepare: Intake's preparation of an accepted signal (its classification, stored with it as on
    ///   arrival).
    /// - Returns: How many signals were stored (or found stored already).
    /// - Throws: The store's error when the database fails again; what was stored so far is removed from the spool.
    @discardableResult
    public func replay(
        into store: SignalStore, preparing prepare: @Sendable (ValidatedSignal) -> PreparedSignal, logger: Logger
    ) async throws -> Int {
        let path = self.path
        let lines = try await self.fileThread.runIfActive { try Self.readLines(at: path) }
        var done = 0
        var rejected: [Data] = []
        defer {
            if done > 0 { self.lineCount.withLock { $0 -= done } }
        }
        do {
            for line in lines {
                let entry: SpooledSignal
                do {
                    entry = try Self.decoder.decode(SpooledSignal.self, from: line)
                } catch {
                    logger.error("Unreadable spool line set aside", metadata: ["spool.line": "\(done + 1)"])
                    rejected.append(line)
                    done += 1
                    continue
                }
                do {
                    let outcome = try await store.storeSpooled(entry, prepared: prepare(entry.signal), logger: logger)
                    if case .keyReused = outcome {
                        logger.error(
                            "Spooled signal's idempotency key was taken: set aside",
                            metadata: ["spool.line": "\(done + 1)"])
                        rejected.append(line)
                    }
                } catch let error as PostgresError where !error.isUnavailable {
                    logger.error(
                        "Spooled signal cannot be stored: set aside",
                        metadata: ["spool.line": "\(done + 1)", "db.error": "\(error)"])
                    rejected.append(line)
                }
                done += 1
            }
        } catch {
            try await self.removeFirst(done, rejected: rejected)
            throw error
        }
        try await self.removeFirst(done, rejected: rejected)
        if done > 0 { logger.info("Spool replayed into the database", metadata: ["spool.replayed": "\(done)"]) }
        return done
    }

    /// Drops the first `count` lines (appends made meanwhile stay) and keeps the rejected ones apart.
    private func removeFirst(_ count: Int, rejected: [Data]) async throws {
        guard count > 0 else { return }
        let (path, rejectedPath) = (self.path, self.rejectedPath)
        try await self.fileThread.runIfActive {
            for line in rejected { try Self.appendDurably(line + [UInt8(ascii: "\n")], to: rejectedPath) }
            let remaining = try Self.readLines(at: path).dropFirst(count)
            let temporary = path + ".tmp"
            var contents = Data()
            for line in remaining { contents.append(line + [UInt8(ascii: "\n")]) }
            try Self.writeDurably(contents, to: temporary)
            guard rename(temporary, path) == 0 else { throw SpoolError("rename \(temporary)") }
            try Self.syncDirectory(of: path)
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    /// The complete lines of the file; a torn last line (a crash during an append that never returned) is ignored.
    private static func readLines(at path: String) throws -> [Data] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Data($0) }
        if data.last != UInt8(ascii: "\n"), !lines.isEmpty { lines.removeLast() }
        return lines
    }

    private static func appendDurably(_ data: Data, to path: String) throws {
        let isNew = !FileManager.default.fileExists(atPath: path)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SpoolError("open \(path)") }
        defer { close(descriptor) }
        try Self.write(data, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw SpoolError("fsync \(path)") }
        if isNew { try Self.syncDirectory(of: path) }
    }

    private static func writeDurably(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SpoolError("open \(path)") }
        defer { close(descriptor) }
        try Self.write(data, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw SpoolError("fsync \(path)") }
    }

    private static func write(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SpoolError("write \(path)")
                }
                offset += written
            }
        }
    }

    private static func syncDirectory(of path: String) throws {
        let descriptor = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SpoolError("open the spool folder") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SpoolError("fsync the spool folder") }
    }
}

/// A file operation of the spool failed; the message names it and the system's reason.
public struct SpoolError: Error, CustomStringConvertible {
    public let description: String

    init(_ operation: String) {
        self.description = "spool: \(operation) failed: \(String(cString: strerror(errno)))"
    }
}
