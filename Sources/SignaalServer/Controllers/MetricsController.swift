import Hummingbird
import Prometheus
import SignaalApp
import SignaalStore

/// `/metrics`: the registry the executable bootstrapped swift-metrics with, in Prometheus' text format, with the
/// values read at scrape time (spool depth, pool connections, the triage queues' depth per platform and status). The use cases and Hummingbird's `MetricsMiddleware`
/// record the rest through swift-metrics. Only for operators (``OperatorAccess``): others get a 404, as if there
/// were nothing.
struct MetricsController {
    let registry: PrometheusCollectorRegistry
    let access: OperatorAccess
    let pool: ConnectionPool
    let spool: Spool?
    let triage: Triage

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("metrics", use: self.scrape)
    }

    static var spoolDepth: MetricNameDescriptor {
        .init(namespace: "signaal", metricName: "spool", unitName: "depth", helpText: "Signals waiting in the spool for the database.")
    }
    static var poolConnections: MetricNameDescriptor {
        .init(namespace: "signaal", metricName: "pool", unitName: "connections", helpText: "Database connections of this daemon, by state.")
    }

    static var queueDepth: MetricNameDescriptor {
        .init(
            namespace: "signaal", metricName: "triage_queue", unitName: "signals",
            helpText: "Signals per regional platform and status (received: waiting for a coordinator).")
    }

    @Sendable func scrape(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard self.access.allows(request, context: context) else { throw HTTPError(.notFound) }
        let usage = self.pool.usage
        self.registry.makeGauge(descriptor: Self.spoolDepth).set(Int64(self.spool?.depth ?? 0))
        for (state, value) in [("open", usage.open), ("idle", usage.idle), ("in_use", usage.open - usage.idle)] {
            self.registry.makeGauge(descriptor: Self.poolConnections, labels: [("state", state)]).set(Int64(value))
        }
        // Read while the database answers; /metrics keeps working (the previous values) while it does not.
        if let depth = try? await self.triage.queueDepth(logger: context.logger) {
            for row in depth {
                self.registry.makeGauge(descriptor: Self.queueDepth, labels: [("platform", row.platform), ("status", row.status)])
                    .set(Int64(row.count))
            }
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: self.registry.emitToString())))
    }
}
