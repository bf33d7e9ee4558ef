import ArgumentParser
import Foundation
import SignaalCluster
import SignaalCore

/// `signaal cluster`: clusters the signals of a JSON Lines file without a database, for analysts and evaluation.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group the signals of a JSON Lines file into recurring problems, with themes and emerging problems."
    )

    @Option(help: "JSON Lines input: {\"id\", \"text\", \"postcode\", \"observed_on\"} per line; \"themes\" is the submitter's choice.")
    var input: String

    @Option(help: "JSON Lines output: {\"id\", \"cluster\", \"themes\"} per signal; cluster is null when unclustered.")
    var output: String

    @Option(help: "JSON summary: {\"clusters\": [{\"id\", \"label\", \"size\", \"themes\", \"regions\", \"emerging\", \"members\"}]}.")
    var summary: String

    @Option(name: .customLong("as-of"), help: "The date the emerging-problem test looks back from (YYYY-MM-DD). Default: the latest observed_on.")
    var asOf: String?

    @Flag(help: "Print the seconds spent per stage.")
    var timing = false

    @OptionGroup var tuning: ClusteringOptions

    func run() throws {
        let records = try SignalRecordFile.read(self.input)
        let asOf = try self.asOfDate(records)
        let outcome = ProblemAnalysis(parameters: self.tuning.parameters, themeModel: try self.tuning.loadThemeModel())
            .analyse(records, asOf: asOf)
        try SignalRecordFile.write(ClusterReport.signalLines(outcome), to: self.output)
        try SignalRecordFile.writeJSON(ClusterReport.summary(outcome), to: self.summary)
        let unclustered = outcome.signals.filter { $0.clusterID == nil }.count
        print("Clustered \(records.count) signals into \(outcome.problems.count) recurring problems "
            + "(\(unclustered) unclustered, \(outcome.problems.filter(\.emerging).count) emerging as of \(asOf)).")
        if self.timing {
            for (stage, seconds) in outcome.stageSeconds { print("  " + stage.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds)) }
        }
    }

    private func asOfDate(_ records: [SignalRecord]) throws -> CalendarDate {
        if let asOf = self.asOf {
            guard let date = CalendarDate(iso8601: asOf) else { throw ValidationError("--as-of: expected YYYY-MM-DD, got \(asOf)") }
            return date
        }
        return records.compactMap(\.observedOn).max() ?? CalendarDate(Date(), in: TimeZone(identifier: "Europe/Brussels")!)
    }
}
