public import ArgumentParser
import Foundation
import Logging
import SignaalStore

/// `signaal keys`: API keys of regional platforms and partner organisations.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke the API keys of regional platforms and partners.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// Runs `body` on the database `serve` uses, migrated.
    static func withKeys<Result: Sendable>(
        _ database: DatabaseOptions, _ logging: LoggingOptions, _ body: @Sendable (APIKeyStore, Logger) async throws -> Result
    ) async throws -> Result {
        let logger = try logging.bootstrap(label: "signaal.keys")
        return try await database.withMigratedPool(logger: logger) { pool in try await body(APIKeyStore(pool: pool), logger) }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key; it is printed once and never stored.")

        @Option(
            help:
                "The regional platform the key's signals belong to (antwerpen, brussel, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen)."
        )
        var platform: String

        @Option(help: "The organisation that uses the key (or the platform itself).")
        var name: String

        @Option(help: "What the key may read: platform (its own platform's signals) or all (every platform's). Default: platform.")
        var scope: APIKey.Scope = .platform

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            guard (1...200).contains(self.name.count) else { throw ValidationError("--name: 1 to 200 characters") }
            let (platform, name, scope) = (self.platform, self.name, self.scope)
            let created = try await KeysCommand.withKeys(self.database, self.logging) { store, logger in
                do {
                    return try await store.create(platform: platform, organisation: name, scope: scope, logger: logger)
                } catch let error as APIKeyError {
                    throw ValidationError("--platform: \(error)")
                }
            }
            print(
                "Key \(created.record.id) for \(created.record.organisation) (\(created.record.platform), scope \(created.record.scope.rawValue)):"
            )
            print(created.key)
            print("Give it to them now: Signaal keeps only its hash and cannot show it again.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every key (never the keys themselves).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let keys = try await KeysCommand.withKeys(self.database, self.logging) { store, logger in try await store.list(logger: logger) }
            let format = ISO8601DateFormatter()
            print("id\tplatform\tscope\torganisation\tprefix\tcreated\tlast used\tstatus")
            for key in keys {
                print(
                    [
                        String(key.id), key.platform, key.scope.rawValue, key.organisation, key.prefix + "…",
                        format.string(from: key.createdAt),
                        key.lastUsedAt.map(format.string(from:)) ?? "-",
                        key.revokedAt.map { "revoked \(format.string(from: $0))" } ?? "active",
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: from now on it gets 401.")

        @Argument(help: "The key's id (see signaal keys list).")
        var id: Int64

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var logging: LoggingOptions

        func run() async throws {
            let id = self.id
            let revoked = try await KeysCommand.withKeys(self.database, self.logging) { store, logger in
                try await store.revoke(id: id, logger: logger)
            }
            guard revoked else { throw ValidationError("no active key with id \(id)") }
            print("Key \(id) is revoked.")
        }
    }
}

extension APIKey.Scope: ExpressibleByArgument {}
