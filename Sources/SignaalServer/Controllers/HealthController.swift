import Hummingbird
import Logging
import SignaalStore

/// `/healthz` (the process answers) and `/readyz` (the database answers and its schema is current). Open to all,
/// they say only the status (and while not ready, why, in a sentence); operators (``OperatorAccess``) also see the
/// database, the migrations and the spool's depth.
struct HealthController {
    let pool: ConnectionPool
    let migrator: Migrator
    let spool: Spool?
    let access: OperatorAccess

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
        /// Why the daemon is not ready, in Dutch, for the operator.
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case status, database, migrations, reason
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
                status.reason = "Het databankschema is nog niet bijgewerkt: de migraties volgen zodra de databank antwoordt."
            }
        } catch {
            context.logger.warning("Readiness check could not reach the database", metadata: ["error": "\(error)"])
            status = Status(
                status: "unavailable", database: "unreachable", migrations: "unknown", spoolDepth: self.spool?.depth,
                reason: self.spool == nil
                    ? "De databank antwoordt niet."
                    : "De databank antwoordt niet: nieuwe signalen wachten in de spool en worden opgeslagen zodra ze terug is.")
        }
        if !self.access.allows(request, context: context) {
            status = Status(status: status.status, reason: status.reason)
        }
        return EditedResponse(status: status.status == "ok" ? .ok : .serviceUnavailable, response: status)
    }
}
