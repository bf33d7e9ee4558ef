import Foundation

/// The three forms of a brief, from its one model.
public enum BriefFormats {
    /// `html` (standalone, stylesheet embedded), `markdown` or `json`.
    public static func render(_ brief: Brief, as format: String) async throws -> String {
        switch format {
        case "markdown": return BriefMarkdownRenderer().render(brief)
        case "json": return try self.json(brief)
        default: return try await BriefHTMLRenderer.load().render(brief, stylesheet: .inline)
        }
    }

    /// The brief's JSON, keys sorted, as tooling reads it.
    public static func json(_ brief: Brief) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(brief), as: UTF8.self) + "\n"
    }
}
