public import Foundation
public import Logging
import NIOPosix
import SignaalCluster
public import SignaalCore
public import SignaalIntake
public import SignaalStore

/// Imports a regional platform's CSV file: every row mapped by header and prepared by intake like a form
/// submission (on all cores), then the good rows loaded through COPY while every bad row is reported by line,
/// column and problem. A row's own reference (`Referentie`) — or, without one, a fingerprint of its content — makes
/// re-importing a file harmless. With `dryRun` nothing is loaded.
public struct SignalImport: Sendable {
    let intake: SignalIntake
    let store: ImportStore

    public init(pool: ConnectionPool, intake: SignalIntake) {
        self.intake = intake
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

    /// Imports `data` for `platform`; `progress` hears (rows done, rows) now and then.
    ///
    /// The file is prepared in waves of rows, each spread over all cores — on threads of the import's own, so that a
    /// large file never holds the threads that serve requests — and every wave's good rows go to the database while
    /// the next wave is prepared: loading overlaps preparing.
    /// - Throws: ``CSVError`` when the file as a whole cannot be read (empty, an unclosed quote, a missing column).
    public func run(
        _ data: Data, platform: String, organisation: String? = nil, apiKeyID: Int64? = nil, dryRun: Bool, today: CalendarDate,
        logger: Logger,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Report {
        let table = try CSVTable(data: data)
        let mapping = try SignalImportMapping(header: table.header)
        let records = table.records
        let source = ImportSource(platform: platform, apiKeyID: apiKeyID)
        let load = dryRun ? nil : self.store.startLoad(source: source, logger: logger)
        var seen = Set<String>()
        var rows: [ImportStore.Row] = []
        var problems: [RowProblem] = []
        var invalid = 0
        var repeated = 0
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let workers = NIOThreadPool(numberOfThreads: cores)
        workers.start()
        func preparing(_ wave: ArraySlice<CSVTable.Record>) -> Task<[Result<ImportStore.Row, RowFailure>], any Error> {
            // Two chunks per core: a core that finishes early takes another instead of waiting for the slowest.
            Task {
                try await Self.chunked(wave, into: 2 * cores, on: workers) { chunk in
                    self.intake.withBatch {
                        self.prepare(chunk, mapping: mapping, source: source, organisation: organisation, today: today, batch: $0)
                    }
                }
            }
        }
        // A small first wave: the database starts loading as soon as possible.
        let starts = records.isEmpty ? [] : [0] + Array(stride(from: Self.firstWaveSize, to: records.count, by: Self.waveSize))
        let waves = starts.indices.map { records[starts[$0]..<(starts.indices.contains($0 + 1) ? starts[$0 + 1] : records.count)] }
        // The next wave is queued on the workers before this one is awaited: no core waits for a wave's slowest chunk.
        var next = waves.first.map(preparing)
        do {
            for (number, wave) in waves.enumerated() {
                guard let current = next else { break }
                next = number + 1 < waves.count ? preparing(waves[number + 1]) : nil
                var fresh: [ImportStore.Row] = []
                for outcome in try await current.value {
                    switch outcome {
                    case .failure(let rowProblems):
                        invalid += 1
                        problems += rowProblems.problems
                    case .success(let row):
                        if seen.insert(row.origin.externalID!).inserted { fresh.append(row) } else { repeated += 1 }
                    }
                }
                rows += fresh
                try await load?.add(fresh)
                progress?(wave.endIndex, records.count)
            }
        } catch {
            next?.cancel()
            _ = try? await next?.value
            await load?.cancel()
            try? await workers.shutdownGracefully()
            throw error
        }
        try await workers.shutdownGracefully()
        let loaded: Int
        if let load {
            loaded = try await self.loaded(load, retrying: rows, source: source, logger: logger)
            SignaalMetrics.imported(loaded, replacements: rows.flatMap(\.prepared.signal.replacements))
        } else {
            let existing = try await self.store.existingExternalIDs(
                rows.compactMap(\.origin.externalID), source: source, logger: logger)
            loaded = rows.count - existing.count
        }
        logger.info(
            "CSV import",
            metadata: [
                "import.platform": "\(platform)", "import.rows": "\(records.count)",
                "import.loaded": "\(loaded)", "import.invalid": "\(invalid)", "import.dry_run": "\(dryRun)",
            ])
        return Report(
            rows: records.count, loaded: loaded, duplicates: repeated + rows.count - loaded, problems: problems,
            invalidRows: invalid, ignoredColumns: mapping.ignored, encoding: table.encoding, separator: table.separator, dryRun: dryRun)
    }

    /// Rows per wave: small enough for loading to overlap preparing (and for the last wave's load, which nothing
    /// overlaps, to be short), large enough to keep every core busy.
    static let waveSize = 2048
    /// Rows of the first wave, which nothing overlaps either.
    static let firstWaveSize = 256

    /// `transform` of each of `count` chunks of `records`, run on `workers`, in order.
    private static func chunked<Value: Sendable>(
        _ records: ArraySlice<CSVTable.Record>, into count: Int, on workers: NIOThreadPool,
        _ transform: @escaping @Sendable (ArraySlice<CSVTable.Record>) -> [Value]
    ) async throws -> [Value] {
        let size = max(1, (records.count + count - 1) / count)
        return try await withThrowingTaskGroup(of: (Int, [Value]).self) { group in
            for (number, start) in stride(from: records.startIndex, to: records.endIndex, by: size).enumerated() {
                let chunk = records[start..<min(records.endIndex, start + size)]
                group.addTask {
                    (
                        number,
                        try await workers.runIfActive {
                            // The loader waits for nobody; the preparation (ahead of it) leaves it the processor first.
                            BackgroundPriority.lowerCallingThread()
                            return transform(chunk)
                        }
                    )
                }
            }
            var results: [(Int, [Value])] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// What the streaming load gave; when another transaction took one of the file's external ids or tracking
    /// codes meanwhile (nothing was loaded then), the rows are loaded again, at most twice more.
    private func loaded(_ load: ImportLoad, retrying rows: [ImportStore.Row], source: ImportSource, logger: Logger) async throws -> Int {
        var attempt = 1
        while true {
            do {
                if attempt == 1 { return try await load.finish() }
                let again = self.store.startLoad(source: source, logger: logger)
                do { try await again.add(rows) } catch {
                    await again.cancel()
                    throw error
                }
                return try await again.finish()
            } catch let error as PostgresError where error.sqlState == .uniqueViolation && attempt < 3 {
                logger.info(
                    "Import collided with another transaction; loading again", metadata: ["db.constraint": "\(error.constraint ?? "-")"])
                attempt += 1
            }
        }
    }

    private func prepare(
        _ chunk: ArraySlice<CSVTable.Record>, mapping: SignalImportMapping, source: ImportSource, organisation: String?,
        today: CalendarDate, batch: SignalIntake.Batch
    ) -> [Result<ImportStore.Row, RowFailure>] {
        let rows = chunk.map { mapping.row($0, reference: self.intake.reference) }
        let prepared = self.intake.prepare(rows.map(\.submission), source: .csvImport, today: today, batch: batch)
        return zip(chunk, zip(rows, prepared)).map { record, item in
            let (row, outcome) = item
            return outcome.map { prepared in
                // The organisation is the key's (or the command's); an Organisatie column names a team within it.
                let origin = SignalOrigin(
                    platform: source.platform, organisation: organisation,
                    organisationUnit: row.organisation.map { self.intake.scrubbed(text: $0) }.flatMap { $0.isEmpty ? nil : $0 },
                    externalID: row.externalID ?? "inhoud:" + prepared.signal.fingerprint.prefix(40), apiKeyID: source.apiKeyID)
                return ImportStore.Row(prepared: prepared, origin: origin)
            }.mapError { failure in
                RowFailure(
                    failure.problems.map { problem in
                        RowProblem(line: record.line, column: mapping.header(for: problem.field), message: Self.message(for: problem))
                    })
            }
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
