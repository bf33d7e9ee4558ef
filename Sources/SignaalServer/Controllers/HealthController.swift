import Hummingbird
import Logging
import SignaalStore

/// `/healthz` (the process answers) and `/readyz` (the database answers and its schema is current).
struct HealthController {
    let pool: ConnectionPool
    let migrator: Migrator
    let spool: Spool?

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz", use: self.live)
        router.get("readyz", use: self.ready)
    }

    struct Status: ResponseEncodable {
        var status: String
        var database: String?
        var migrations: String?
        /// Signals waiting in the spool for the database.
        var spoolDepth: Int?

        enum CodingKeys: String, CodingKey {
            case status, database, migrations
            case spoolDepth = "spool_depth"
        }
    }

    @Sendable func live(_ request: Request, context: AppRequestContext) -> Status {
        Status(status: "ok")
    }

    @Sendable func ready(_ request: Request, context: AppRequestContext) async -> EditedResponse<Status> {
        var status = Status(status: "ok", database: "ok", migrations: "current", spoolDepth: self.spool?.depth)
        do {
            if try await !self.migrator.isCurrent(pool: self.pool, logger: context.logger) {
                status.migrations = "pending"
                status.status = "unavailable"
            }
        } catch {
            context.logger.warning("Readiness check could not reach the database", metadata: ["error": "\(error)"])
            status = Status(status: "unavailable", database: "unreachable", migrations: "unknown", spoolDepth: self.spool?.depth)
        }
        return EditedResponse(status: status.status == "ok" ? .ok : .serviceUnavailable, response: status)
    }
}
