import Metrics
import Prometheus
import SignaalCore

/// Signaal's metrics, through swift-metrics into one Prometheus registry that `/metrics` renders in the text
/// format: requests by route and status with latency histograms (Hummingbird's `MetricsMiddleware`), signals accepted
/// by channel, scrubber replacements by type, spool depth, job runs and durations, and connection-pool use.
enum SignaalMetrics {
    /// The registry, with swift-metrics bootstrapped onto it once per process (the first application built does it).
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitized(name), labels.map { (Self.sanitized($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Prometheus names allow letters, digits and `_`: `http.server.request.duration` → `http_server_request_duration`.
    static func sanitized(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    /// A signal stored, by channel (form, api, batch, import).
    static func accepted(_ source: SignalSource, replacements: [PersonalDataReplacement]) {
        _ = Self.registry
        Counter(label: "signaal_signals_accepted_total", dimensions: [("channel", source.rawValue)]).increment()
        for replacement in replacements {
            Counter(label: "signaal_scrubber_replacements_total", dimensions: [("type", replacement.kind.rawValue)]).increment()
        }
    }

    /// Signals loaded by a CSV import, and the personal data replaced in its rows.
    static func imported(_ count: Int, replacements: [PersonalDataReplacement]) {
        _ = Self.registry
        Counter(label: "signaal_signals_accepted_total", dimensions: [("channel", SignalSource.csvImport.rawValue)]).increment(by: count)
        for replacement in replacements {
            Counter(label: "signaal_scrubber_replacements_total", dimensions: [("type", replacement.kind.rawValue)]).increment()
        }
    }

    /// A background job run, with its outcome and duration.
    static func job(_ name: String, succeeded: Bool, duration: Duration) {
        _ = Self.registry
        Counter(label: "signaal_job_runs_total", dimensions: [("job", name), ("outcome", succeeded ? "ok" : "failed")]).increment()
        Timer(label: "signaal_job_duration_seconds", dimensions: [("job", name)], preferredDisplayUnit: .seconds)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// The values read at scrape time: spool depth and pool connections.
    static func scrape(spoolDepth: Int?, pool: (open: Int, idle: Int)) -> String {
        _ = Self.registry
        Gauge(label: "signaal_spool_depth").record(spoolDepth ?? 0)
        Gauge(label: "signaal_pool_connections", dimensions: [("state", "open")]).record(pool.open)
        Gauge(label: "signaal_pool_connections", dimensions: [("state", "idle")]).record(pool.idle)
        Gauge(label: "signaal_pool_connections", dimensions: [("state", "in_use")]).record(pool.open - pool.idle)
        return Self.registry.emitToString()
    }
}
