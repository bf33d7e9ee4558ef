import Foundation
import SignaalBriefs
import SignaalStore

/// An Atom feed (RFC 4287) of published briefs, newest first; every text is escaped.
struct BriefFeed {
    let briefs: [BriefStore.Summary]
    /// The public URL of the site (`--public-url`), for absolute links.
    let base: String
    /// The regional platform's name for a per-region feed.
    let scope: String?

    var xml: String {
        let formatter = ISO8601DateFormatter()
        let updated = formatter.string(from: self.briefs.first?.generatedAt ?? Date(timeIntervalSince1970: 0))
        let title = self.scope.map { "Signalenbrieven — \($0)" } ?? "Signalenbrieven"
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl-BE">"# + "\n"
        xml += "<title>\(XML.escape(title))</title>\n"
        xml += "<id>\(XML.escape(self.base))/briefs/feed</id>\n"
        xml += "<updated>\(updated)</updated>\n"
        xml += #"<link rel="alternate" type="text/html" href="\#(XML.escape(self.base))/briefs"/>"# + "\n"
        xml += "<author><name>Signaal</name></author>\n"
        for brief in self.briefs {
            let url = "\(self.base)/briefs/\(brief.id)"
            xml += "<entry>\n"
            xml += "<title>\(XML.escape("\(brief.regionName) — \(brief.periodName) (versie \(brief.version))"))</title>\n"
            xml += "<id>\(XML.escape(url))</id>\n"
            xml += "<updated>\(formatter.string(from: brief.generatedAt))</updated>\n"
            xml += #"<link rel="alternate" type="text/html" href="\#(XML.escape(url))"/>"# + "\n"
            let count = brief.signalCount.map { "\($0) signalen" } ?? "enkele signalen"
            xml += "<summary>\(XML.escape("Signalenbrief over \(brief.periodName): \(count)."))</summary>\n"
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}
