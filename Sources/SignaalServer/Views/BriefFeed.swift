import Foundation
import SignaalBriefs
import SignaalStore

/// The Atom feed of published briefs, of every platform or one.
struct BriefFeed {
    let briefs: [BriefStore.Summary]
    /// The public URL of the site (`--public-url`), for absolute links.
    let base: String
    /// The regional platform's name for a per-region feed.
    let scope: String?

    var feed: AtomFeed {
        AtomFeed(
            title: self.scope.map { "Signalenbrieven — \($0)" } ?? "Signalenbrieven", id: "\(self.base)/briefs/feed",
            page: "\(self.base)/briefs",
            entries: self.briefs.map { brief in
                let count = brief.signalCount.map { "\($0) signalen" } ?? "enkele signalen"
                return AtomFeed.Entry(
                    title: "\(brief.regionName) — \(brief.periodName) (versie \(brief.version))", url: "\(self.base)/briefs/\(brief.id)",
                    updated: brief.generatedAt, summary: "Signalenbrief over \(brief.periodName): \(count).")
            })
    }
}
