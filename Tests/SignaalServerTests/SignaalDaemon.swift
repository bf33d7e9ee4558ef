import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// A real `signaal` process (the executable built beside the tests) for integration tests, with its standard
/// error kept in a file for its logs and its standard output in another.
final class SignaalDaemon {
    let process = Process()
    let port: Int
    let log: URL
    let outputFile: URL

    /// The built executable, or `nil` when it is not beside the test bundle.
    static var binary: URL? {
        [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("signaal") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `signaal` with `arguments` and `environment` (PATH is added), listening on a free port, in the
    /// current folder or in `directory`.
    init(arguments: [String], environment: [String: String], directory: URL? = nil) throws {
        guard let binary = Self.binary else { throw DaemonError("the signaal executable is not built beside the tests") }
        self.port = try Self.freePort()
        self.log = FileManager.default.temporaryDirectory.appendingPathComponent("signaal-\(self.port).log")
        self.outputFile = self.log.appendingPathExtension("out")
        for file in [self.log, self.outputFile] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw DaemonError("cannot create the daemon's file \(file.path)")
        }
        var environment = environment
        environment["SIGNAAL_PORT"] = String(self.port)
        environment["SIGNAAL_NOW"] = ISO8601DateFormatter().string(from: testNow)  // the daemon lives in the tests' time
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        self.process.executableURL = binary
        self.process.arguments = arguments
        if let directory { self.process.currentDirectoryURL = directory }
        self.process.environment = environment
        self.process.standardOutput = try FileHandle(forWritingTo: self.outputFile)
        self.process.standardError = try FileHandle(forWritingTo: self.log)
        try self.process.run()
    }

    /// Waits until `/readyz` answers 200 with current migrations; `false` after about `seconds` seconds.
    func waitUntilReady(seconds: Int = 20) async -> Bool {
        for _ in 0..<(seconds * 5) {
            try? await Task.sleep(for: .milliseconds(200))
            if let (status, json) = await self.readiness(), status == 200, json["migrations"] as? String == "current" { return true }
        }
        return false
    }

    /// `/readyz`'s status code and document, or `nil` while nothing listens.
    func readiness() async -> (status: Int, json: [String: Any])? {
        guard let (data, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(self.port)/readyz")!),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }

    /// Sends a signal to the JSON API; the status code and the tracking code of the answer.
    func submitSignal(description: String, postcode: String) async throws -> (status: Int, trackingCode: String?) {
        try await Self.submitSignal(port: self.port, description: description, postcode: postcode)
    }

    /// Sends a signal to the JSON API of the daemon on `port`, from any task.
    static func submitSignal(port: Int, description: String, postcode: String) async throws -> (status: Int, trackingCode: String?) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/signals")!, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["description": description, "postcode": postcode])
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json?["tracking_code"] as? String)
    }

    /// A TCP port on 127.0.0.1 that is free now: the one the kernel gives a socket bound to port 0.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DaemonError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else { throw DaemonError("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits for a command (not `serve`) to exit; its exit status.
    func waitForExit() -> Int32 {
        self.process.waitUntilExit()
        return self.process.terminationStatus
    }

    /// Sends SIGTERM and waits; the exit status.
    func stop() -> Int32 {
        self.process.terminate()
        self.process.waitUntilExit()
        return self.process.terminationStatus
    }

    /// What the process printed on its standard output so far.
    var output: String { (try? String(contentsOf: self.outputFile, encoding: .utf8)) ?? "" }

    /// The log lines so far.
    var logLines: [String] {
        (try? String(contentsOf: self.log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    struct DaemonError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
