public import Prometheus

extension PrometheusMetricsFactory {
    /// The factory the executable bootstraps swift-metrics with, onto `registry` (the one `/metrics` renders):
    /// dotted names become Prometheus names, `http.server.request.duration` → `http_server_request_duration`; the
    /// time to a first triage action has buckets of hours.
    public static func signaal(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        // The time from a signal's arrival to a coordinator's first action is counted in hours and days.
        factory.durationHistogramBuckets["signaal_triage_first_action_seconds"] = [1, 4, 12, 24, 72, 168, 336, 720].map {
            Duration.seconds($0 * 3600)
        }
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitized(name), labels.map { (Self.sanitized($0.0), $0.1) })
        }
        return factory
    }

    /// Prometheus names allow letters, digits and `_`.
    static func sanitized(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}
