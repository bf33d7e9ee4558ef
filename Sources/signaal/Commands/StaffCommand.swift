public import ArgumentParser
import Foundation
import Logging
import SignaalApp
import SignaalStore

/// `signaal staff`: the accounts of the workspace.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Create, list and disable the workspace's staff accounts.",
        subcommands: [Create.self, List.self, Disable.self, Link.self]
    )

    /// Runs `body` on the database `serve` uses, migrated.
    static func withAccounts<Result: Sendable>(
        _ database: DatabaseOptions, _ logging: LoggingOptions, _ body: @Sendable (StaffAccounts, Logger) async throws -> Result
    ) async throws -> Result {
        let logger = try logging.bootstrap(label: "signaal.staff")
        return try await database.withMigratedPool(logger: logger) { pool in
            try await body(StaffAccounts(store: StaffStore(pool: pool), clock: .brussels), logger)
        }
    }

    /// Where the printed links point: the site's public URL.
    struct LinkOptions: ParsableArguments {
        @Option(
            help:
                "The site's address as staff reach it, for the printed link. Environment: SIGNAAL_PUBLIC_URL. Default: http://127.0.0.1:8080."
        )
        var publicURL: String?

        func url(_ path: String) -> String {
            let base = self.publicURL ?? Environment.value("SIGNAAL_PUBLIC_URL") ?? "http://127.0.0.1:8080"
            return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
        }

        func printLink(_ path: String, for name: String) {
            print("Password link for \(name), valid 72 hours and once:")
            print(self.url(path))
            print("Give it to them now: Signaal keeps only its hash and cannot show it again.")
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; prints a one-time link to set its password.")

        @Option(help: "The address the person signs in with.")
        var email: String

        @Option(help: "The person's name, as colleagues know them.")
        var name: String

        @Option(
            help: "coordinator (judges one platform's signals), policy (reads every platform, changes nothing) or admin (manages accounts)."
        )
        var role: StaffMember.Role

        @Option(help: "A coordinator's regional platform (antwerpen, brussel, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen).")
        var platform: String?

        @OptionGroup var link: LinkOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            guard self.email.contains("@"), self.email.count <= 254 else { throw ValidationError("--email: an e-mail address") }
            guard (1...200).contains(self.name.count) else { throw ValidationError("--name: 1 to 200 characters") }
            let (email, name, role, platform) = (self.email, self.name, self.role, self.platform)
            let created = try await StaffCommand.withAccounts(self.database, self.logging) { accounts, logger in
                do {
                    return try await accounts.create(email: email, name: name, role: role, platform: platform, logger: logger)
                } catch let error as StaffError {
                    throw ValidationError("\(error)")
                }
            }
            print(
                "Account \(created.member.id): \(created.member.name) <\(created.member.email)>, \(created.member.role.rawValue)"
                    + (created.member.platform.map { " of \($0)" } ?? ""))
            self.link.printLink(created.linkPath, for: created.member.name)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account (never a password or link).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let members = try await StaffCommand.withAccounts(self.database, self.logging) { accounts, logger in
                try await accounts.list(logger: logger)
            }
            let format = ISO8601DateFormatter()
            print("id\temail\tname\trole\tplatform\tcreated\tstatus")
            for member in members {
                print(
                    [
                        String(member.id), member.email, member.name, member.role.rawValue, member.platform ?? "-",
                        format.string(from: member.createdAt),
                        member.disabledAt.map { "disabled \(format.string(from: $0))" }
                            ?? (member.hasPassword ? "active" : "awaiting password"),
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: its sessions end at once.")

        @Argument(help: "The account's id (see signaal staff list).")
        var id: Int64

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let id = self.id
            guard try await StaffCommand.withAccounts(self.database, self.logging, { try await $0.disable(id: id, logger: $1) }) else {
                throw ValidationError("no active account with id \(id)")
            }
            print("Account \(id) is disabled; its sessions have ended.")
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new one-time password link (a forgotten password, an expired link).")

        @Argument(help: "The account's id (see signaal staff list).")
        var id: Int64

        @OptionGroup var link: LinkOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let id = self.id
            guard let path = try await StaffCommand.withAccounts(self.database, self.logging, { try await $0.newLink(for: id, logger: $1) })
            else { throw ValidationError("no active account with id \(id)") }
            self.link.printLink(path, for: "account \(id)")
        }
    }
}

extension StaffMember.Role: ExpressibleByArgument {}
