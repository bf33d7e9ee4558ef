import Foundation
import Testing

/// `signaal themes coverage` and `evaluate`: the lexicon's reach per theme, and the grouped headline figure, the real
/// executable on small labelled files.
@Suite struct ThemeCoverageCommandTests {
    @Test func coverageCountsConceptsPerThemeAndTheSignalsAConceptFinds() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = [
            #"{"id": "1", "text": "De budgetmeter sluit af in de winter.", "themes": ["energie-water"]}"#,
            #"{"id": "2", "text": "Een probleem in woorden die niemand kent.", "themes": ["energie-water"]}"#,
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let command = try SignaalDaemon(arguments: ["themes", "coverage", "--input", file.path], environment: ["LOG_LEVEL": "warning"])
        #expect(command.waitForExit() == 0)
        let row = try #require(command.output.split(separator: "\n").first { $0.hasPrefix("energie-water\t") })
        let columns = row.split(separator: "\t")
        #expect(Int(columns[1]) ?? 0 > 0 && Int(columns[2]) ?? 0 > 0, "concepts and forms of the theme")
        #expect(columns[3] == "2" && columns[4] == "0.50", "one of the two signals found by a concept: \(row)")
    }

    @Test func evaluateKeepsEveryRecurringProblemInOneFoldAndCountsOneOffsApart() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("grouped-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let rows = [
            ("De budgetmeter sluit af in de winter.", "energie-water", "a"),
            ("Budgetmeters sluiten af, gezinnen zonder verwarming.", "energie-water", "a"),
            ("De wachtlijst voor een sociale woning is tien jaar.", "wonen", "-"),
            ("Sociale woningen: de wachtlijst groeit.", "wonen", "-"),
            ("Kinderopvang is te duur.", "onderwijs-opvang", "b"),
            ("Geen plaats in de kinderopvang.", "onderwijs-opvang", "b"),
        ]
        let lines = rows.enumerated().map { index, row in
            #"{"id": "\#(index)", "text": "\#(row.0)", "themes": ["\#(row.1)"], "cluster": "\#(row.2)"}"#
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let command = try SignaalDaemon(
            arguments: ["themes", "evaluate", "--input", file.path, "--folds", "2"], environment: ["LOG_LEVEL": "warning"])
        #expect(command.waitForExit() == 0)
        #expect(command.output.contains("grouped by recurring problem (4 problems)"), "a, b and two one-offs: \(command.output)")
        #expect(command.output.contains("random folds"))
        #expect(command.output.contains("  wonen\t") && command.output.contains("most mixed (grouped folds): "), "per theme and confusions")
    }
}
