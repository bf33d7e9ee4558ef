import Foundation
import SignaalStore
import SignaalTesting
import Testing
import Yams

/// The files in `deploy/`, checked without a Docker engine: the Dockerfile and compose file statically, the systemd
/// unit with `systemd-analyze verify`, and the image's start-up sequence run for real with the built binary.
@Suite struct DeployFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The Dockerfile's instructions (continuation lines joined), as (instruction, arguments).
    static func dockerfile() throws -> [(String, String)] {
        try Self.text("deploy/Dockerfile").replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { line in
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                return (parts[0].uppercased(), parts.count > 1 ? parts[1] : "")
            }
    }

    @Test func theDockerfileBuildsInReleaseAndRunsSlimAsAnUnprivilegedUser() throws {
        let instructions = try Self.dockerfile()
        let stages = instructions.filter { $0.0 == "FROM" }.map(\.1)
        #expect(stages.count == 2)
        #expect(stages[0].hasPrefix("swift:") && stages[0].hasSuffix("AS build"))
        #expect(stages[1].hasPrefix("debian:") && stages[1].contains("slim"))
        let runs = instructions.filter { $0.0 == "RUN" }.map(\.1)
        #expect(runs.contains { $0.contains("swift build -c release --product signaal") })
        #expect(runs.contains { $0.contains("libpq5") && !$0.contains("libpq-dev") })
        #expect(instructions.last { $0.0 == "USER" }?.1 == "signaal")
        #expect(instructions.contains { $0.0 == "ENTRYPOINT" && $0.1.contains("/usr/local/bin/signaal") })
        #expect(instructions.contains { $0.0 == "CMD" && $0.1.contains("serve") })
        // Every file the build copies from the repository exists.
        for copy in instructions.filter({ $0.0 == "COPY" && !$0.1.hasPrefix("--from") }) {
            let source = copy.1.split(separator: " ")[0]
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(String(source)).path), "\(source)")
        }
    }

    @Test func theComposeFileRunsPostgreSQL15AndTheDaemonAfterIt() throws {
        let compose = try #require(try Yams.load(yaml: try Self.text("deploy/compose.yaml")) as? [String: Any])
        let services = try #require(compose["services"] as? [String: Any])
        let postgres = try #require(services["postgres"] as? [String: Any])
        #expect(postgres["image"] as? String == "postgres:15")
        #expect((postgres["healthcheck"] as? [String: Any])?["test"] != nil)
        let daemon = try #require(services["signaal"] as? [String: Any])
        let build = try #require(daemon["build"] as? [String: Any])
        #expect(build["dockerfile"] as? String == "deploy/Dockerfile" && build["context"] as? String == "..")
        let dependsOn = try #require(daemon["depends_on"] as? [String: Any])
        #expect((dependsOn["postgres"] as? [String: Any])?["condition"] as? String == "service_healthy")
        let environment = try #require(daemon["environment"] as? [String: Any])
        #expect((environment["DATABASE_URL"] as? String)?.contains("@postgres:5432/signaal") == true)
        #expect((daemon["ports"] as? [String])?.contains("8080:8080") == true)
    }

    @Test func theSystemdUnitIsHardenedAndVerifies() throws {
        let unit = try Self.text("deploy/signaal.service")
        for directive in ["User=signaal", "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "CapabilityBoundingSet="] {
            #expect(unit.contains(directive), "\(directive)")
        }
    }

    /// `systemd-analyze`, where the machine has it (CI's containers do not run systemd).
    static let systemdAnalyze = URL(fileURLWithPath: "/usr/bin/systemd-analyze")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: systemdAnalyze.path), "systemd-analyze is not installed here"))
    func theSystemdUnitVerifies() throws {
        let unit = try Self.text("deploy/signaal.service")
        let analyze = Self.systemdAnalyze
        // Verify the unit itself; only the binary path (not installed here) and the settings file are substituted.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("signaal.service")
        try unit.replacingOccurrences(of: "ExecStart=/usr/local/bin/signaal", with: "ExecStart=/bin/true")
            .replacingOccurrences(of: "EnvironmentFile=/etc", with: "EnvironmentFile=-/etc")
            .write(to: copy, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = analyze
        process.arguments = ["verify", copy.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output)")
    }

    @Test func theImagesStartUpSequenceServesAndStopsGracefully() async throws {
        // The built `signaal`, started as the image starts it: its ENV and CMD, and a database.
        let instructions = try Self.dockerfile()
        var environment: [String: String] = [:]
        for env in instructions.filter({ $0.0 == "ENV" }) {
            for pair in env.1.split(separator: " ") where pair.contains("=") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                environment[parts[0]] = parts[1]
            }
        }
        let command = try #require(instructions.last { $0.0 == "CMD" }?.1)
        let arguments = try #require(try JSONSerialization.jsonObject(with: Data(command.utf8)) as? [String])
        try await withEmptyDatabase { database in
            environment["SIGNAAL_HOST"] = "127.0.0.1"  // the image listens on 0.0.0.0; the test stays on loopback
            environment["SIGNAAL_SQL_DIRECTORY"] = TestPostgres.sqlDirectory
            environment["SIGNAAL_DATA_DIR"] =
                FileManager.default.temporaryDirectory.appendingPathComponent("image-\(UUID().uuidString)").path
            environment["DATABASE_URL"] = database.configuration.connectionString
            let daemon = try SignaalDaemon(arguments: arguments, environment: environment)
            #expect(await daemon.waitUntilReady(), "the daemon migrated the empty database and answered /readyz")
            #expect(daemon.stop() == 0, "a graceful stop on SIGTERM, as docker stop sends")
        }
    }
}
