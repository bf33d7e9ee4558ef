public import Prometheus

extension PrometheusMetricsFactory {
    /// The factory the executable bootstraps swift-metrics with, onto `registry` (the one `/metrics` renders):
    /// dotted names become Prometheus names, `http.server.request.duration` → `http_server_request_duration`.
    public static func signaal(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
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
