import Metrics
import SignaalCore

/// The metrics the use cases record, through swift-metrics (the executable bootstraps its backend): signals
/// accepted by channel, scrubber replacements by type, and background job runs and durations.
enum SignaalMetrics {
    /// A signal stored, by channel (form, api, batch, import).
    static func accepted(_ source: SignalSource, replacements: [PersonalDataReplacement]) {
        Counter(label: "signaal_signals_accepted_total", dimensions: [("channel", source.rawValue)]).increment()
        Self.replaced(replacements)
    }

    /// Signals loaded by a CSV import, and the personal data replaced in its rows.
    static func imported(_ count: Int, replacements: [PersonalDataReplacement]) {
        Counter(label: "signaal_signals_accepted_total", dimensions: [("channel", SignalSource.csvImport.rawValue)]).increment(by: count)
        Self.replaced(replacements)
    }

    /// A background job run, with its outcome and duration.
    static func job(_ name: String, succeeded: Bool, duration: Duration) {
        Counter(label: "signaal_job_runs_total", dimensions: [("job", name), ("outcome", succeeded ? "ok" : "failed")]).increment()
        Timer(label: "signaal_job_duration_seconds", dimensions: [("job", name)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    private static func replaced(_ replacements: [PersonalDataReplacement]) {
        for replacement in replacements {
            Counter(label: "signaal_scrubber_replacements_total", dimensions: [("type", replacement.kind.rawValue)]).increment()
        }
    }
}
