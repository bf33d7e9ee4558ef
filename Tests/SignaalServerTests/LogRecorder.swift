import Logging
import Synchronization

/// Log lines, kept in memory, for assertions about what was logged.
final class LogRecorder: LogHandler, @unchecked Sendable {
    let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
        let error = event.error.map { " \($0)" } ?? ""  // an error logged with the line could carry text too
        self.lines.withLock { $0.append("\(event.message) \(all)\(error)") }
    }
}

extension LogRecorder {
    /// Every line so far, joined.
    var text: String { self.lines.withLock { $0.joined(separator: "\n") } }
}
