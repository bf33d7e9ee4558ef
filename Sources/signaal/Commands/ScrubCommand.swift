import ArgumentParser
import Foundation
import SignaalCore
import SignaalText

/// `signaal scrub`: runs the personal-data scrubber over a JSON Lines file, for evaluation and for cleaning
/// exports. Input lines are `{"id", "text"}`; output lines `{"id", "text", "spans": [{"type", "start", "end"}]}`
/// with the scrubbed text and the spans as Unicode scalar offsets into the input text (as Python indexes a str).
struct ScrubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrub",
        abstract: "Replace personal data in the texts of a JSON Lines file and report where it was."
    )

    @Option(help: "JSON Lines input: one {\"id\", \"text\"} object per line.")
    var input: String

    @Option(help: "JSON Lines output: one {\"id\", \"text\", \"spans\"} object per input line.")
    var output: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: self.input) else {
            throw ValidationError("--input: cannot read \(self.input)")
        }
        let scrubber = PersonalDataScrubber()
        var lines: [Data] = []
        var problems: [String] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"], let text = object["text"] as? String
            else {
                problems.append("\(self.input) line \(number + 1): expected a JSON object with \"id\" and a string \"text\"")
                continue
            }
            let scrubbed = scrubber.scrub(text)
            let result: [String: Any] = [
                "id": id,
                "text": scrubbed.text,
                "spans": scrubbed.spans.map { ["type": $0.kind.rawValue, "start": $0.start, "end": $0.end] },
            ]
            lines.append(try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes]))
        }
        var contents = Data()
        for line in lines { contents.append(line + [UInt8(ascii: "\n")]) }
        guard FileManager.default.createFile(atPath: self.output, contents: contents) else {
            throw ValidationError("--output: cannot write \(self.output)")
        }
        for problem in problems { FileHandle.standardError.write(Data((problem + "\n").utf8)) }
        guard problems.isEmpty else { throw ExitCode.failure }
        print("Scrubbed \(lines.count) texts into \(self.output).")
    }
}
