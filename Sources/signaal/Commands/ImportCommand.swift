import ArgumentParser
import Foundation
import SignaalApp
import SignaalCluster
import SignaalCore
import SignaalIntake
import SignaalStore

/// `signaal import FILE.csv --platform CODE [--dry-run]`: a regional platform's spreadsheet into Signaal.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file of signals for a regional platform (see deploy/import-sjabloon.csv).",
        discussion: """
            Columns are found by their Dutch header (Beschrijving, Postcode, Datum, Thema's, Doelgroep, Frequentie, \
            Beleidsniveau, Voorstel, Organisatie, Referentie, E-mail); ; or , as separator; UTF-8 or Windows-1252. \
            Every row is scrubbed, validated and classified; good rows load, bad rows are listed with line, column \
            and problem. Rows with a Referentie (or, without one, the same content) imported before are skipped.
            """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Option(
        help: "The regional platform the signals come from (antwerpen, brussel, limburg, oost-vlaanderen, vlaams-brabant, west-vlaanderen)."
    )
    var platform: String

    @Option(help: "The organisation every row is attributed to; an Organisatie column names a team within it (scrubbed).")
    var organisation: String?

    @Flag(name: .customLong("dry-run"), help: "Check every row and report, but load nothing.")
    var dryRun = false

    @Option(help: "Also write the problems as CSV (regel;kolom;probleem) to this file.")
    var report: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: self.file) else { throw ValidationError("cannot read \(self.file)") }
        let logger = try self.logging.bootstrap(label: "signaal.import")
        let migrator = try self.database.migrator()
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let outcome: SignalImport.Report
        do {
            outcome = try await self.database.withDatabase(logger: logger) { configuration in
                try await ConnectionPool.withPool(database: configuration, configuration: .init(maximumConnections: 3)) { pool in
                    _ = try await migrator.migrate(pool: pool, logger: logger)
                    let reference = try await ReferenceStore(pool: pool).load(logger: logger)
                    guard reference.region(code: self.platform) != nil else {
                        throw ValidationError(
                            "--platform: '\(self.platform)' is no regional platform (\(reference.regions.map(\.code).joined(separator: ", ")))"
                        )
                    }
                    let intake = SignalIntake(
                        reference: reference, themeModels: try await ActiveThemeModel.slot(on: pool, logger: logger))
                    return try await SignalImport(pool: pool, intake: intake).run(
                        data, platform: self.platform, organisation: self.organisation, dryRun: self.dryRun,
                        today: CalendarClock.brussels.today(), logger: logger,
                        progress: { done, total in bar.show(done, of: total) })
                }
            }
        } catch let error as CSVError {
            bar.finish()
            throw ValidationError("\(self.file), \(error)")
        }
        bar.finish()
        for problem in outcome.problems {
            print("regel \(problem.line), kolom '\(problem.column)': \(problem.message)")
        }
        if let path = self.report {
            let lines = ["regel;kolom;probleem"] + outcome.problems.map { "\($0.line);\(Self.csv($0.column));\(Self.csv($0.message))" }
            guard FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\r\n") + "\r\n").utf8)) else {
                throw ValidationError("--report: cannot write \(path)")
            }
        }
        if !outcome.ignoredColumns.isEmpty {
            print("Niet gebruikte kolommen: \(outcome.ignoredColumns.joined(separator: ", ")).")
        }
        print(
            (outcome.dryRun ? "Proef (niets geladen): " : "")
                + "\(outcome.rows) rijen (\(outcome.encoding), scheidingsteken '\(outcome.separator)'): "
                + "\(outcome.loaded) \(outcome.dryRun ? "zouden geladen worden" : "geladen"), \(outcome.duplicates) al eerder geïmporteerd, "
                + "\(outcome.invalidRows) met fouten.")
        if outcome.invalidRows > 0 { throw ExitCode(2) }
    }

    private static func csv(_ text: String) -> String {
        text.contains(";") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// A progress bar on standard error, only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = -1

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ done: Int, of total: Int) {
        guard self.enabled, total > 0 else { return }
        let percent = done * 100 / total
        self.lock.lock()
        defer { self.lock.unlock() }
        guard percent != self.shown else { return }
        self.shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(percent)% (\(done)/\(total) rijen)".utf8))
    }

    func finish() {
        guard self.enabled, self.shown >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
