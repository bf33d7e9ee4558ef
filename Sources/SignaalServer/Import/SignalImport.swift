public import Foundation
public import Logging
public import SignaalCluster
public import SignaalCore
public import SignaalStore
import SignaalText

/// Imports a regional platform's CSV file: every row mapped by header, scrubbed, validated and classified like a
/// form submission (on all cores), then the good rows loaded through COPY while every bad row is reported by line,
/// column and problem. A row's own reference (`Referentie`) — or, without one, a fingerprint of its content — makes
/// re-importing a file harmless. With `dryRun` nothing is loaded.
public struct SignalImport: Sendable {
    let intake: SignalIntake
    let analyzer: SignalAnalyzer
    let classifier: ThemeClassifier
    let store: ImportStore

    public init(pool: ConnectionPool, reference: ReferenceData, themeModel: ThemeModel) {
        self.intake = SignalIntake(reference: reference)
        self.analyzer = themeModel.analyzer()
        self.classifier = ThemeClassifier(model: themeModel)
        self.store = ImportStore(pool: pool)
    }

    /// A row that was not loaded, and why.
    public struct RowProblem: Sendable, Equatable {
        public let line: Int
        /// The column as the file names it.
        public let column: String
        public let message: String
    }

    /// What an import did.
    public struct Report: Sendable {
        public let rows: Int
        public let loaded: Int
        /// Rows whose reference the platform had imported before (or that repeat an earlier row of the file).
        public let duplicates: Int
        public let problems: [RowProblem]
        public let invalidRows: Int
        public let ignoredColumns: [String]
        public let encoding: String
        public let separator: Character
        public let dryRun: Bool
    }

    /// Imports `data` for `platform` (a regional platform's code); `progress` hears (rows done, rows) now and then.
    /// - Throws: ``CSVError`` when the file as a whole cannot be read (empty, an unclosed quote, a missing column).
    public func run(
        _ data: Data, platform: String, organisation: String? = nil, dryRun: Bool, today: CalendarDate, logger: Logger,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Report {
        let table = try CSVTable(data: data)
        let mapping = try SignalImportMapping(header: table.header)
        let prepared = self.prepare(table.records, mapping: mapping, platform: platform, organisation: organisation, today: today, progress: progress)
        var seen = Set<String>()
        var rows: [ImportStore.Row] = []
        var problems: [RowProblem] = []
        var invalid = 0
        var repeated = 0
        for outcome in prepared {
            switch outcome {
            case .failure(let rowProblems):
                invalid += 1
                problems += rowProblems.problems
            case .success(let row):
                if seen.insert(row.origin.externalID!).inserted { rows.append(row) } else { repeated += 1 }
            }
        }
        let loaded: Int
        if dryRun {
            let existing = try await self.store.existingExternalIDs(rows.compactMap(\.origin.externalID), platform: platform, logger: logger)
            loaded = rows.count - existing.count
        } else {
            loaded = try await self.store.load(rows, logger: logger)
            SignaalMetrics.imported(loaded, replacements: rows.flatMap(\.signal.replacements))
        }
        logger.info(
            "CSV import", metadata: ["import.platform": "\(platform)", "import.rows": "\(table.records.count)",
                                      "import.loaded": "\(loaded)", "import.invalid": "\(invalid)", "import.dry_run": "\(dryRun)"])
        return Report(
            rows: table.records.count, loaded: loaded, duplicates: repeated + rows.count - loaded, problems: problems,
            invalidRows: invalid, ignoredColumns: mapping.ignored, encoding: table.encoding, separator: table.separator, dryRun: dryRun)
    }

    private func prepare(
        _ records: [CSVTable.Record], mapping: SignalImportMapping, platform: String, organisation: String?, today: CalendarDate,
        progress: (@Sendable (Int, Int) -> Void)?
    ) -> [Result<ImportStore.Row, RowFailure>] {
        let done = Counter()
        // Eight chunks: both cores stay busy, and each chunk analyses its vocabulary once.
        return records.concurrentChunks(of: max(512, (records.count + 7) / 8)) { chunk in
            let prepared = chunk.map { record -> Result<(ValidatedSignal, String?, String?), RowFailure> in
                let (submission, rowOrganisation, externalID) = mapping.row(record, reference: self.intake.reference)
                switch self.intake.prepare(submission, source: .csvImport, today: today) {
                case .failure(let failure):
                    return .failure(RowFailure(failure.problems.map { problem in
                        RowProblem(line: record.line, column: mapping.header(for: problem.field), message: Self.message(for: problem))
                    }))
                case .success(let signal):
                    return .success((signal, rowOrganisation, externalID))
                }
            }
            // One analysis session per chunk: stems and concept matches are remembered from row to row.
            var features = self.analyzer.featuresSequentially(prepared.compactMap { try? $0.get().0.description }).makeIterator()
            let outcomes = prepared.map { outcome in
                outcome.map { signal, rowOrganisation, externalID in
                    let classification = self.classifier.classify(features.next()!, submitted: signal.themes.map(\.code))
                    let origin = SignalOrigin(
                        platform: platform, organisation: rowOrganisation ?? organisation,
                        externalID: externalID ?? "inhoud:" + signal.fingerprint.prefix(40), apiKeyID: nil)
                    return ImportStore.Row(signal: signal, origin: origin, classification: classification)
                }
            }
            progress?(done.add(chunk.count), records.count)
            return outcomes
        }
    }

    /// The Dutch message for a row's problem; dates get the forms a spreadsheet may use.
    static func message(for problem: FieldProblem) -> String {
        if problem.field == SignalSubmission.Field.observedOn.rawValue, problem.code == .invalidFormat {
            return "Geen geldige datum: schrijf ze als dag/maand/jaar (3/10/2026) of als JJJJ-MM-DD (2026-10-03)."
        }
        return FieldMessages.message(for: problem)
    }

    /// The problems of one row.
    struct RowFailure: Error {
        let problems: [RowProblem]
        init(_ problems: [RowProblem]) { self.problems = problems }
    }
}

/// A counter shared by the chunks of a concurrent loop.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add(_ amount: Int) -> Int {
        self.lock.lock()
        defer { self.lock.unlock() }
        self.value += amount
        return self.value
    }
}
