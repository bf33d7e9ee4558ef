#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP client for what an HTTP library hides: a client that says nothing, and a large upload that goes on
/// sending while the server has already answered.
struct RawHTTPClient: ~Copyable {
    let descriptor: Int32

    /// Connects to `port` on 127.0.0.1; sends and receives give up after `seconds`.
    init(port: Int, seconds: Int) throws {
        self.descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard self.descriptor >= 0 else { throw SignaalDaemon.DaemonError("socket() failed") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(self.descriptor, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(self.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(self.descriptor)
            throw SignaalDaemon.DaemonError("cannot connect to port \(port)")
        }
    }

    deinit { close(self.descriptor) }

    /// Waits, sending nothing, until the server closes the connection (`true`) or the time runs out (`false`).
    func waitForClose() -> Bool {
        var byte: UInt8 = 0
        return recv(self.descriptor, &byte, 1, 0) == 0
    }

    /// Sends a POST with a body of `size` bytes as long as the server takes it, then reads the answer; the status
    /// code (0 when none came).
    func post(path: String, contentType: String, size: Int) -> Int {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\nContent-Length: \(size)\r\n\r\n"
        guard self.send(Array(head.utf8)) else { return 0 }
        let chunk = [UInt8](repeating: 0x41, count: 64 * 1024)
        var sent = 0
        while sent < size, self.send(Array(chunk.prefix(size - sent))) { sent += chunk.count }
        var answer = [UInt8](repeating: 0, count: 4096)
        let count = recv(self.descriptor, &answer, answer.count, 0)
        guard count > 12 else { return 0 }
        return Int(String(decoding: answer[9..<12], as: UTF8.self)) ?? 0
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(self.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }  // the server stopped reading or closed the connection
            offset += written
        }
        return true
    }
}
