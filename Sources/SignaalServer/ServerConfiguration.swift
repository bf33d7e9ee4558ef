public import Foundation
public import Prometheus
public import SignaalApp

/// How `serve` runs the HTTP side; the command builds it from flags and environment variables.
public struct ServerConfiguration: Sendable {
    /// The address to listen on. Default: `127.0.0.1`.
    public var host: String
    /// The port to listen on; 0 picks a free one. Default: 8080.
    public var port: Int
    /// Largest JSON body accepted on the API, in bytes. Default: 64 KiB.
    public var apiBodyLimit: Int
    /// Largest form body accepted, in bytes. Default: 32 KiB.
    public var formBodyLimit: Int
    /// The time zone whose calendar date is "today" for `observed_on`. Default: `Europe/Brussels`.
    public var timeZoneIdentifier: String
    /// Submissions (POST requests) per minute per client; 0 switches the limit off. Default: 60.
    public var rateLimitPerMinute: Int
    /// Addresses of reverse proxies whose `X-Forwarded-For` header names the client, for the rate limit. Default:
    /// none (the peer's address is the client).
    public var trustedProxies: Set<String>
    /// The folder of the durable spool for signals accepted while PostgreSQL is unreachable; `nil`: no spool, such
    /// submissions fail with 503. `serve` uses `<data-dir>/spool`. Default: `nil`.
    public var spoolDirectory: String?
    /// When the background recluster job runs; `nil`: this process runs no jobs (tests, or a daemon kept for HTTP
    /// only). `serve` runs it. Default: `nil`.
    public var reclusterSchedule: ReclusterSchedule?
    /// Which briefs appear by themselves after a period closes; `nil`: none from this process. `serve` uses
    /// `BriefSchedule.default`. Default: `nil`.
    public var briefSchedule: BriefSchedule?
    /// No figure in a brief about fewer signals than this. Default: 3.
    public var briefMinimumCount: Int = 3
    /// Whether scheduled briefs wait for a person (drafts) or are published at once.
    public var briefReview: BriefReviewMode = .required
    /// The application's clock: every use case reads the time from it (tests pin it). Default: the system's clock.
    public var now: @Sendable () -> Date = { Date() }
    /// The registry `/metrics` renders: the one swift-metrics was bootstrapped with
    /// (``Prometheus/PrometheusMetricsFactory/signaal(registry:)``). Default: a registry of its own, which then holds
    /// only the values read at scrape time.
    public var metricsRegistry = PrometheusCollectorRegistry()
    /// The site's address as the public reaches it (`https://signaal.example.be`): the base of every absolute link;
    /// the `Host` header is never used for one. When it is https, cookies are `Secure` with the `__Host-` prefix and
    /// responses carry HSTS. Default: `nil`, which means `http://host:port`.
    public var publicURL: URL?
    /// The secret form tokens are signed with; daemons behind one load balancer share it. Default: a random secret
    /// of this process.
    public var formSecret: Data = Data((0..<32).map { _ in UInt8.random(in: .min ... .max) })
    /// The bearer token `/metrics` asks for; `nil`: `/metrics` answers only clients on the loopback address.
    /// Default: `nil`.
    public var metricsToken: String?
    /// How long a connection may stay idle (a slow or silent client) before it is closed. Default: 30 s.
    public var idleTimeout: Duration = .seconds(30)
    /// Days a contact e-mail address is kept after it was left; the tracking page says when it goes. Default: 365.
    public var contactRetentionDays = 365
    /// Whether this process runs the daily job that deletes contact addresses past their retention. `serve` does.
    /// Default: false.
    public var runsContactRetention = false
    /// How often the daemon looks whether another theme model was activated (`signaal themes train --from-database`).
    public var themeModelPollInterval: Duration = .seconds(30)

    /// The background recluster job: the nightly run is queued after `nightlyHour` (Europe/Brussels) for the day
    /// before, and queued runs are looked for every `pollInterval`.
    public struct ReclusterSchedule: Sendable {
        public var nightlyHour: Int
        public var pollInterval: Duration

        public init(nightlyHour: Int = 2, pollInterval: Duration = .seconds(60)) {
            self.nightlyHour = nightlyHour
            self.pollInterval = pollInterval
        }
    }

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        apiBodyLimit: Int = 64 * 1024,
        formBodyLimit: Int = 32 * 1024,
        timeZoneIdentifier: String = "Europe/Brussels",
        rateLimitPerMinute: Int = 60,
        trustedProxies: Set<String> = [],
        spoolDirectory: String? = nil,
        reclusterSchedule: ReclusterSchedule? = nil
    ) {
        self.host = host
        self.port = port
        self.apiBodyLimit = apiBodyLimit
        self.formBodyLimit = formBodyLimit
        self.timeZoneIdentifier = timeZoneIdentifier
        self.rateLimitPerMinute = rateLimitPerMinute
        self.trustedProxies = trustedProxies
        self.spoolDirectory = spoolDirectory
        self.reclusterSchedule = reclusterSchedule
    }

    /// The base of absolute links, without a trailing slash.
    public var publicBase: String {
        guard let publicURL else { return "http://\(self.host):\(self.port)" }
        let text = publicURL.absoluteString
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Whether the public URL is https.
    public var isHTTPS: Bool { self.publicURL?.scheme?.lowercased() == "https" }
}
