/// Renders a brief as Markdown. Every piece of signal text is escaped, so a quote can neither format the brief nor
/// inject links, images or HTML.
public struct BriefMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ brief: Brief) -> String {
        let view = BriefView(brief)
        var lines: [String] = []
        lines.append("# Signalenbrief \(Self.escape(brief.regionName)) — \(brief.periodName)")
        lines.append("")
        lines.append("_Versie \(brief.version), samengesteld op \(view.generatedOn). \(view.scopeSentence)_")
        lines.append("")
        if let summary = brief.summary {
            lines.append(Self.escape(summary))
            lines.append("")
        }
        if let introduction = brief.introduction {
            lines.append(Self.escape(introduction))
            lines.append("")
        }
        for dossier in brief.dossiers ?? [] {
            lines.append("## Dossier: \(Self.escape(dossier.title)) (\(dossier.state))")
            lines.append("")
            for text in [dossier.problemStatement, dossier.description] where !text.isEmpty {
                lines.append(Self.escape(text))
                lines.append("")
            }
            if !dossier.ask.isEmpty {
                lines.append("**Vraag aan beleid:** \(Self.escape(dossier.ask))")
                lines.append("")
            }
        }
        lines.append("## Kerncijfers")
        lines.append("")
        lines.append("| | \(brief.periodName) | vorige periode (\(brief.previousPeriod)) |")
        lines.append("|---|---:|---:|")
        for row in view.keyFigures { lines.append("| \(row.name) | \(row.current) | \(row.previous) |") }
        lines.append("")
        lines.append("## Terugkerende problemen")
        lines.append("")
        if brief.clusters.isEmpty { lines.append(view.noClusters) }
        for (rank, cluster) in brief.clusters.enumerated() {
            let emerging = cluster.emerging ? " — **opkomend probleem**" : ""
            lines.append("### \(rank + 1). \(Self.escape(cluster.label))\(emerging)")
            lines.append("")
            lines.append("- Signalen: \(cluster.size) (\(BriefView.trendPhrase(cluster)))")
            if !cluster.regions.isEmpty { lines.append("- Regio's: \(Self.escape(view.regionNames(cluster.regions)))") }
            if !cluster.themes.isEmpty { lines.append("- Thema's: \(Self.escape(view.themeNames(cluster.themes)))") }
            if let groups = cluster.targetGroups, !groups.isEmpty {
                lines.append("- Doelgroepen: \(Self.escape(groups.joined(separator: "; ")))")
            }
            if !cluster.policyLevels.isEmpty {
                lines.append("- Beleidsniveaus: \(Self.escape(view.policyLevelNames(cluster.policyLevels)))")
            }
            lines.append("")
            for quote in cluster.quotes {
                lines.append("> \(Self.escape(quote))")
                lines.append("")
            }
            if !cluster.suggestions.isEmpty {
                lines.append("Voorstellen uit de praktijk:")
                lines.append("")
                for suggestion in cluster.suggestions { lines.append("- \(Self.escape(suggestion))") }
                lines.append("")
            }
        }
        if let small = brief.smallProblems, !small.isEmpty {
            lines.append("Kleinere problemen met signalen uit meerdere regio's (elk minder dan \(brief.minimumCount) signalen):")
            lines.append("")
            for problem in small { lines.append("- \(Self.escape(problem.label)) (\(Self.escape(view.regionNames(problem.regions))))") }
            lines.append("")
        }
        if let other = view.otherSentence {
            lines.append(other)
            lines.append("")
        }
        for (title, counts) in [("Thema's", brief.themes), ("Regio's", brief.regions), ("Beleidsniveaus", brief.policyLevels)]
        where !counts.isEmpty {
            lines.append("## \(title)")
            lines.append("")
            for count in counts {
                lines.append("- \(Self.escape(count.name)): \(count.count.map(String.init) ?? "minder dan \(brief.minimumCount)")")
            }
            lines.append("")
        }
        if !brief.krachtlijnen.isEmpty {
            lines.append("## Krachtlijnen van sterk sociaal werk")
            lines.append("")
            for krachtlijn in brief.krachtlijnen { lines.append("- **\(krachtlijn.code)**: \(Self.escape(krachtlijn.reason))") }
            lines.append("")
        }
        lines.append("## Werkwijze en kanttekeningen")
        lines.append("")
        for paragraph in view.methodology {
            lines.append(paragraph)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown-neutral text with no needless escapes, so that it pastes cleanly into a nota: only what would format
    /// it is escaped — emphasis, code, link and image brackets, a list or heading marker at its start, an entity —
    /// angle brackets become entities, and line breaks become spaces.
    public static func escape(_ text: String) -> String {
        let characters = Array(text)
        var escaped = ""
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\n", "\r": escaped += " "
            case "\\", "`", "*", "_", "[", "]": escaped += "\\" + String(character)
            case "!" where next == "[": escaped += "\\!"
            case "&" where next.map { $0.isLetter || $0 == "#" } ?? false: escaped += "\\&"
            case "~" where next == "~": escaped += "\\~"
            case let mark where index == 0 && "#+-=".contains(mark): escaped += "\\" + String(mark)
            case "." where characters[..<index].allSatisfy(\.isNumber) && index > 0: escaped += "\\."
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
