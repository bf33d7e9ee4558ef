import Foundation
import SignaalServer

/// The secret `serve` signs form tokens with: `SIGNAAL_FORM_SECRET` (shared by daemons behind one load balancer),
/// else `<data-dir>/form-secret`, made once with 32 random bytes and readable by its owner only.
enum FormSecret {
    static func load(dataDirectory: String) throws -> Data {
        if let shared = Environment.value("SIGNAAL_FORM_SECRET") {
            guard shared.utf8.count >= 32 else {
                throw ConfigurationError("SIGNAAL_FORM_SECRET: at least 32 characters, e.g. from `openssl rand -hex 32`")
            }
            return Data(shared.utf8)
        }
        let path = dataDirectory + "/form-secret"
        if let existing = FileManager.default.contents(atPath: path), existing.count >= 32 { return existing }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let secret = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        guard FileManager.default.createFile(atPath: path, contents: secret, attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write the form secret \(path)")
        }
        return secret
    }
}
