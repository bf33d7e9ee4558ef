import Foundation
import Hummingbird

/// An upload received into a temporary file as it arrives, so that a large file never sits in the daemon's memory.
/// The file is removed by ``remove()``.
struct UploadFile {
    let url: URL

    /// The body was larger than allowed; what came so far is removed.
    struct TooLarge: Error {}

    /// Writes `body` to a new temporary file, refusing it past `limit` bytes.
    static func receive(_ body: RequestBody, limit: Int) async throws -> UploadFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("signaal-upload-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let upload = UploadFile(url: url)
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            var size = 0
            for try await buffer in body {
                size += buffer.readableBytes
                guard size <= limit else { throw TooLarge() }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
        } catch {
            upload.remove()
            throw error
        }
        return upload
    }

    /// The file's bytes, mapped rather than read into memory.
    func contents() throws -> Data {
        try Data(contentsOf: self.url, options: .alwaysMapped)
    }

    func remove() {
        try? FileManager.default.removeItem(at: self.url)
    }
}
