import Foundation
import SignaalStore
import SignaalTesting
import Testing

/// `signaal staff create | list | disable`, the real executable against a real PostgreSQL.
@Suite struct StaffCommandTests {
    @Test func createListAndDisableAccountsFromTheCommandLine() async throws {
        try await withTestDatabase { database in
            let environment = [
                "DATABASE_URL": try #require(database.configuration.connectionString), "SIGNAAL_SQL_DIRECTORY": TestPostgres.sqlDirectory,
                "SIGNAAL_PUBLIC_URL": "https://signaal.example.be", "LOG_LEVEL": "warning",
            ]
            func run(_ arguments: [String]) throws -> (status: Int32, output: String, log: String) {
                let command = try SignaalDaemon(arguments: arguments, environment: environment)
                let status = command.waitForExit()
                return (status, command.output, command.logLines.joined(separator: "\n"))
            }
            let created = try run([
                "staff", "create", "--email", "an@platform.be", "--name", "An Peeters", "--role", "coordinator", "--platform", "limburg",
            ])
            #expect(created.status == 0, "\(created.log)")
            let secret = try #require(
                created.output.firstMatch(of: /https:\/\/signaal\.example\.be\/werkruimte\/wachtwoord\/([a-z2-7]{32})/)
            ).1
            let member = try await StaffStore(pool: database.pool).member(forLink: String(secret), now: Date(), logger: .test)
            #expect(member?.name == "An Peeters" && member?.platform == "limburg")

            let refused = try run(["staff", "create", "--email", "beleid@vlaanderen.be", "--name", "Beleid", "--role", "coordinator"])
            #expect(refused.status != 0 && refused.log.contains("--platform"), "a coordinator needs a platform")
            #expect(try run(["staff", "create", "--email", "AN@platform.be", "--name", "Dubbel", "--role", "policy"]).status != 0)

            let listed = try run(["staff", "list"])
            #expect(
                listed.output.contains("an@platform.be\tAn Peeters\tcoordinator\tlimburg") && listed.output.contains("awaiting password"))
            #expect(!listed.output.contains(String(secret)))
            let id = try #require(member?.id)
            #expect(try run(["staff", "disable", String(id)]).status == 0)
            #expect(try run(["staff", "list"]).output.contains("disabled"))
            #expect(try await StaffStore(pool: database.pool).member(forLink: String(secret), now: Date(), logger: .test) == nil)
        }
    }
}
