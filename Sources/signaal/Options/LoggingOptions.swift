import ArgumentParser
import Logging

/// `--log-level` / `LOG_LEVEL`.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. Environment: LOG_LEVEL. Default: info.")
    var logLevel: String?

    /// Bootstraps swift-log once for the process and returns the command's logger.
    func bootstrap(label: String) throws -> Logger {
        let text = self.logLevel ?? Environment.value("LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError(
                "--log-level / LOG_LEVEL: unknown level '\(text)' (use trace, debug, info, notice, warning, error or critical)")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
