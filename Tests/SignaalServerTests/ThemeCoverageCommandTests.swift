import Foundation
import Testing

/// `signaal themes coverage`: the lexicon's reach per theme, the real executable on a small labelled file.
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
}
