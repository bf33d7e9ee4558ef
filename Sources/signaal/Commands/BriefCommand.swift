public import ArgumentParser
import Foundation
import Logging
import SignaalApp
import SignaalBriefs
import SignaalCluster
import SignaalCore
import SignaalStore

extension BriefReviewMode: ExpressibleByArgument {}

/// `signaal brief`: composes a brief now, on the database `serve` uses (a draft for review, or published with
/// `--publish` or `--brief-review off`) and writes it in one format.
struct BriefCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Compose a policy brief (a draft, or a published version) and write it as HTML, Markdown or JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown, json
    }

    @Option(
        help: "A regional platform's code (antwerpen, brussel, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen) or vlaanderen.")
    var region: String

    @Option(help: "The period: a month (2026-10), a quarter (2026-Q3) or a year (2026).")
    var period: String

    @Option(help: "html, markdown or json.")
    var format: Format = .html

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("minimum-count"), help: "No figure about fewer signals than this (default 3; SIGNAAL_BRIEF_MINIMUM).")
    var minimumCount: Int?

    @Option(
        help:
            "required: store a draft for a coordinator to publish in the workspace; off: publish at once. Environment: SIGNAAL_BRIEF_REVIEW. Default: required."
    )
    var briefReview: BriefReviewMode?

    @Flag(help: "Publish now, recorded as published by this command (for scripts), whatever --brief-review says.")
    var publish = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        guard let period = Period(self.period) else {
            throw ValidationError("--period: '\(self.period)' is no month (2026-10), quarter (2026-Q3) or year (2026)")
        }
        let minimum = try BriefCommand.minimum(self.minimumCount)
        let review = try BriefCommand.review(self.briefReview)
        let publish = self.publish
        let logger = try self.logging.bootstrap(label: "signaal.brief")
        let migrator = try self.database.migrator()
        let rendered: String = try await self.database.withDatabase(logger: logger) { configuration in
            try await ConnectionPool.withPool(database: configuration, configuration: .init(maximumConnections: 2)) { pool in
                _ = try await migrator.migrate(pool: pool, logger: logger)
                let reclustering = Reclustering(
                    store: ClusterStore(pool: pool), themeModels: try await ActiveThemeModel.slot(on: pool, logger: logger))
                let briefing = try await Briefing(
                    pool: pool, minimumCount: minimum, clock: .brussels, reclustering: reclustering, logger: logger)
                guard let scope = briefing.scope(code: self.region) else {
                    throw ValidationError(
                        "--region: '\(self.region)' is no regional platform (\(briefing.regionCodes.joined(separator: ", "))) nor vlaanderen"
                    )
                }
                if publish || review == .off {
                    let id = try await briefing.publish(scope: scope, period: period, onlyFirst: false, byCommand: publish, logger: logger)!
                    return try await BriefFormats.render(
                        try await briefing.store.brief(id: id, logger: logger)!.brief, as: self.format.rawValue)
                }
                let id = try await briefing.draft(scope: scope, period: period, onlyFirst: false, logger: logger)!
                logger.notice("Draft stored: a coordinator publishes it in the workspace", metadata: ["brief.draft": "\(id)"])
                return try await BriefFormats.render(try await briefing.store.draft(id, logger: logger)!.brief, as: self.format.rawValue)
            }
        }
        if let output = self.output {
            guard FileManager.default.createFile(atPath: output, contents: Data(rendered.utf8)) else {
                throw ValidationError("--output: cannot write \(output)")
            }
        } else {
            print(rendered, terminator: rendered.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// The review mode from the option or `SIGNAAL_BRIEF_REVIEW`, default required.
    static func review(_ option: BriefReviewMode?) throws -> BriefReviewMode {
        if let option { return option }
        let text = Environment.value("SIGNAAL_BRIEF_REVIEW") ?? "required"
        guard let mode = BriefReviewMode(rawValue: text) else {
            throw ValidationError("--brief-review / SIGNAAL_BRIEF_REVIEW: '\(text)' is neither required nor off")
        }
        return mode
    }

    /// The minimum count from the option or `SIGNAAL_BRIEF_MINIMUM`, default 3.
    static func minimum(_ option: Int?) throws -> Int {
        let text = option.map(String.init) ?? Environment.value("SIGNAAL_BRIEF_MINIMUM") ?? "3"
        guard let minimum = Int(text), (1...100).contains(minimum) else {
            throw ValidationError("--minimum-count / SIGNAAL_BRIEF_MINIMUM: '\(text)' is not a number from 1 to 100")
        }
        return minimum
    }
}
