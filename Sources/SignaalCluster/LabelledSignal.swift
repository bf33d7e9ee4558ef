public import Foundation

/// A signal whose themes a person decided, with the recurring problem it belongs to: what theme models learn from and
/// are measured on. The labelled set shipped with Signaal (`Resources/labelled-signals.jsonl`, the two development
/// sets) is what the shipped model was built from, and what every model trained from the database starts with.
public struct LabelledSignal: Sendable, Equatable, Decodable {
    public let id: String
    public let text: String
    /// One to three theme codes, primary first.
    public let themes: [String]
    /// The recurring problem: signals of one problem stay in one fold. `nil` (or `-` in a file): a problem of its own.
    public let problem: String?

    public init(id: String, text: String, themes: [String], problem: String?) {
        self.id = id
        self.text = text
        self.themes = themes
        self.problem = problem.flatMap { ["", "-"].contains($0) ? nil : $0 }
    }

    enum CodingKeys: String, CodingKey {
        case id, text, themes
        case problem = "cluster"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), text: try container.decode(String.self, forKey: .text),
            themes: try container.decode([String].self, forKey: .themes),
            problem: try container.decodeIfPresent(String.self, forKey: .problem))
    }

    /// The fold group of each signal: its problem, or the signal alone (prefixed so no id equals a problem's name).
    public static func groups(_ signals: [LabelledSignal]) -> [String] {
        signals.map { $0.problem.map { "problem:\($0)" } ?? "signal:\($0.id)" }
    }

    /// The labelled set shipped with Signaal, read once per process.
    public static func shipped() throws -> [LabelledSignal] {
        try Self.shippedSet.get()
    }

    private static let shippedSet = Result<[LabelledSignal], any Error> {
        guard let url = Bundle.module.url(forResource: "labelled-signals", withExtension: "jsonl", subdirectory: "Resources") else {
            preconditionFailure("labelled-signals.jsonl is not installed with SignaalCluster")
        }
        return try Self.decodeLines(Data(contentsOf: url))
    }

    /// The signals of JSON Lines data, one object per non-blank line.
    public static func decodeLines(_ data: Data) throws -> [LabelledSignal] {
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }.map {
            try decoder.decode(LabelledSignal.self, from: Data($0))
        }
    }
}
