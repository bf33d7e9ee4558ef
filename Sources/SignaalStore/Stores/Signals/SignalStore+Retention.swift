public import Foundation
public import Logging
public import SignaalCore

extension SignalStore {
    /// Deletes the contact e-mail addresses left before `cutoff`, and the feedback notices still waiting to be sent
    /// to them — once per `day`, however many daemons ask (`signaal.maintenance_runs`). Returns how many addresses
    /// went, or `nil` when the day's run was done already.
    public func deleteContactAddresses(before cutoff: Date, day: CalendarDate, logger: Logger) async throws -> Int? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                let claimed = try transaction.execute(
                    """
                    INSERT INTO signaal.maintenance_runs (job, day) VALUES ('contact_retention', \(day))
                    ON CONFLICT (job, day) DO NOTHING
                    """)
                guard claimed == 1 else { return nil }
                try transaction.execute(
                    """
                    DELETE FROM signaal.feedback_notices AS n USING signaal.contact_emails AS e
                    WHERE n.signal_id = e.signal_id AND n.sent_at IS NULL AND e.created_at < \(cutoff)
                    """)
                let deleted = try transaction.execute("DELETE FROM signaal.contact_emails WHERE created_at < \(cutoff)")
                try transaction.execute(
                    "UPDATE signaal.maintenance_runs SET affected = \(deleted) WHERE job = 'contact_retention' AND day = \(day)")
                return deleted
            }
        }
    }
}
