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

    @Option(
        name: .customLong("as-of"),
        help: "The date the emerging-problem test looks back from (YYYY-MM-DD). Default: the latest observed_on.")
    var asOf: String?

    @Flag(help: "Print the seconds spent per stage.")
    var timing = false

    @OptionGroup var tuning: ClusteringOptions

    func run() throws {
        let records = try SignalRecordFile.read(self.input)
        let asOf = try self.asOfDate(records)
        let analysis = ProblemAnalysis(
            parameters: self.tuning.parameters, themeModel: try self.tuning.loadThemeModel(),
            lexicon: try ConceptLexicon.load(path: self.tuning.lexicon))
        let outcome = analysis.analyse(records, asOf: asOf)
        try SignalRecordFile.write(ClusterReport.signalLines(outcome), to: self.output)
        try SignalRecordFile.writeJSON(ClusterReport.summary(outcome), to: self.summary)
        let unclustered = outcome.signals.filter { $0.clusterID == nil }.count
        print(
            "Clustered \(records.count) signals into \(outcome.problems.count) recurring problems "
                + "(\(unclustered) unclustered, \(outcome.problems.filter(\.emerging).count) emerging as of \(asOf)).")
        if self.timing {
            for (stage, seconds) in outcome.stageSeconds {
                print("  " + stage.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
            self.reportAssignmentLatency(analysis, outcome, records)
        }
    }

    /// Times what a daemon does per arriving signal — analysis, themes, nearest cluster — for up to 2,000 of the
    /// signals, as if each arrived anew after this run.
    private func reportAssignmentLatency(_ analysis: ProblemAnalysis, _ outcome: ProblemAnalysis.Outcome, _ records: [SignalRecord]) {
        let assigner = ClusterAssigner(
            runID: 0, vectorizer: outcome.vectorizer,
            clusters: zip(outcome.problems, outcome.centroids).enumerated().map { number, pair in
                ClusterAssigner.Cluster(id: Int64(number), centroid: pair.1, admissionSimilarity: pair.0.admissionSimilarity)
            },
            conceptWeight: analysis.clusterer.parameters.conceptWeight)
        let clock = ContinuousClock()
        var milliseconds: [Double] = []
        for record in records.prefix(2000) {
            let started = clock.now
            let features = analysis.clusterer.analyzer.features(record.text)
            _ = analysis.classifier.classify(features)
            _ = assigner.assign(features)
            let elapsed = clock.now - started
            milliseconds.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        milliseconds.sort()
        guard !milliseconds.isEmpty else { return }
        func percentile(_ share: Double) -> Double { milliseconds[min(milliseconds.count - 1, Int(share * Double(milliseconds.count)))] }
        print(
            String(
                format: "  assignment   p50 %.2f ms, p99 %.2f ms, max %.2f ms per signal (%d signals, %d clusters)",
                percentile(0.5), percentile(0.99), milliseconds.last!, milliseconds.count, outcome.problems.count))
    }

    private func asOfDate(_ records: [SignalRecord]) throws -> CalendarDate {
        if let asOf = self.asOf {
            guard let date = CalendarDate(iso8601: asOf) else { throw ValidationError("--as-of: expected YYYY-MM-DD, got \(asOf)") }
            return date
        }
        return records.compactMap(\.observedOn).max() ?? CalendarDate(Date(), in: TimeZone(identifier: "Europe/Brussels")!)
    }
}
