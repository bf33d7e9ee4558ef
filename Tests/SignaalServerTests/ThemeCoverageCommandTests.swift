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
        let file = try Self.labelled([
            ("De budgetmeter sluit af in de winter.", "energie-water", "a"),
            ("Budgetmeters sluiten af, gezinnen zonder verwarming.", "energie-water", "a"),
            ("De wachtlijst voor een sociale woning is tien jaar.", "wonen", "-"),
            ("Sociale woningen: de wachtlijst groeit.", "wonen", "-"),
            ("Kinderopvang is te duur.", "onderwijs-opvang", "b"),
            ("Geen plaats in de kinderopvang.", "onderwijs-opvang", "b"),
        ])
        defer { try? FileManager.default.removeItem(at: file) }
        let command = try SignaalDaemon(
            arguments: ["themes", "evaluate", "--input", file.path, "--folds", "2"], environment: ["LOG_LEVEL": "warning"])
        #expect(command.waitForExit() == 0)
        #expect(command.output.contains("grouped by recurring problem (4 problems)"), "a, b and two one-offs: \(command.output)")
        #expect(command.output.contains("random folds"))
        #expect(command.output.contains("  wonen\t") && command.output.contains("most mixed (grouped folds): "), "per theme and confusions")
    }

    @Test func evaluatePutsTheKeywordListBesideTheClassifierPerFile() throws {
        let known = try Self.labelled([
            ("De budgetmeter sluit af in de winter.", "energie-water", "a"),
            ("Budgetmeters sluiten af, gezinnen zonder verwarming.", "energie-water", "a"),
        ])
        // Words no concept of the lexicon has: the keyword list names no theme.
        let unknown = try Self.labelled([
            ("Een probleem in woorden die niemand kent.", "wonen", "b"),
            ("Opnieuw een probleem in woorden die niemand kent.", "wonen", "b"),
        ])
        defer { for file in [known, unknown] { try? FileManager.default.removeItem(at: file) } }
        let command = try SignaalDaemon(
            arguments: ["themes", "evaluate", "--input", known.path, "--input", unknown.path, "--folds", "2"],
            environment: ["LOG_LEVEL": "warning"])
        #expect(command.waitForExit() == 0)
        let lines = command.output.split(separator: "\n")
        let total = try #require(lines.first { $0.hasPrefix("beside them, the keyword list") }, "\(command.output)")
        #expect(total.hasSuffix(": 0.500 (2/4)"), "\(total)")
        let perFile = try [known, unknown].map { file in try #require(lines.first { $0.hasPrefix("  \(file.lastPathComponent): ") }) }
        #expect(perFile[0].hasSuffix("keyword list 1.000 (2/2)") && perFile[1].hasSuffix("keyword list 0.000 (0/2)"), "\(perFile)")
    }

    @Test func evaluateScoresLongTextsOnlyWithModelsThatNeverSawTheirProblem() throws {
        // Only problem "a" is about the made-up "zorgfluxcapacitor" and only it has the theme duurzaamheid: a model that
        // saw it could give the long text that theme, a model of its grouped fold cannot.
        let input = try Self.labelled([
            ("De zorgfluxcapacitor van de gemeente weigert opnieuw.", "duurzaamheid", "a"),
            ("Weer een zorgfluxcapacitor die weigert.", "duurzaamheid", "a"),
            ("Zorgfluxcapacitor kapot, niemand helpt.", "duurzaamheid", "a"),
            ("Kinderopvang is te duur.", "onderwijs-opvang", "b"),
            ("Geen plaats in de kinderopvang.", "onderwijs-opvang", "b"),
            ("De wachtlijst voor een sociale woning is tien jaar.", "wonen", "-"),
        ])
        let long = try Self.file([
            #"{"id": "L1", "text": "Zorgfluxcapacitor\n\nDe zorgfluxcapacitor weigert. Zorgfluxcapacitor, zorgfluxcapacitor.", "themes": ["duurzaamheid"], "cluster": "a"}"#
        ])
        defer { for file in [input, long] { try? FileManager.default.removeItem(at: file) } }
        let command = try SignaalDaemon(
            arguments: ["themes", "evaluate", "--input", input.path, "--folds", "2", "--long-texts", long.path],
            environment: ["LOG_LEVEL": "warning"])
        #expect(command.waitForExit() == 0)
        let line = try #require(
            command.output.split(separator: "\n").first { $0.hasPrefix("long texts (--long-texts") }, "\(command.output)")
        #expect(line.contains("1 texts: classifier primary 0.000 (0)"), "scored in the fold without its problem: \(line)")
    }

    @Test func evaluateRefusesALongTextOfAnUnknownProblemNamingIt() throws {
        let input = try Self.file([#"{"id": "1", "text": "Kinderopvang is te duur.", "themes": ["onderwijs-opvang"], "cluster": "b"}"#])
        let long = try Self.file([#"{"id": "L7", "text": "Een lang verslag.", "themes": ["wonen"], "cluster": "onbekend"}"#])
        defer { for file in [input, long] { try? FileManager.default.removeItem(at: file) } }
        let command = try SignaalDaemon(
            arguments: ["themes", "evaluate", "--input", input.path, "--long-texts", long.path], environment: ["LOG_LEVEL": "warning"])
        #expect(command.waitForExit() != 0)
        let errors = (try? String(contentsOf: command.log, encoding: .utf8)) ?? ""
        #expect(errors.contains("--long-texts") && errors.contains("id L7") && errors.contains("\"onbekend\""), "\(errors)")
    }

    /// A temporary file of labelled signals, one per (text, theme, recurring problem).
    private static func labelled(_ rows: [(String, String, String)]) throws -> URL {
        try Self.file(
            rows.enumerated().map { index, row in
                #"{"id": "\#(index)", "text": "\#(row.0)", "themes": ["\#(row.1)"], "cluster": "\#(row.2)"}"#
            })
    }

    /// A temporary JSON Lines file with `lines`.
    private static func file(_ lines: [String]) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labelled-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
