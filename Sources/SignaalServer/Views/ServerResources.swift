import Foundation

/// The files shipped with the server module (`Resources/`): templates, stylesheet, OpenAPI document.
enum ServerResources {
    /// The `Resources` folder inside the module's bundle.
    static func directory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw ResourceError(path: "Resources")
        }
        return url
    }

    /// The contents of `Resources/<path>`.
    static func contents(of path: String) throws -> Data {
        let url = try Self.directory().appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ResourceError(path: url.path) }
        return data
    }

    /// A file the server needs is not installed beside the executable.
    struct ResourceError: Error, CustomStringConvertible {
        let path: String
        var description: String { "the server's resource \(self.path) is missing: reinstall Signaal with its resources" }
    }
}
