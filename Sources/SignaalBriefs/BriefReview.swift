/// What a reviewer decided about a draft brief: an introduction, which recurring problems go in and in which
/// order, and which dossiers — a dossier's title replaces the generated label of its problem.
public struct BriefReview: Sendable, Equatable {
    public var introduction: String
    /// The problems' codes in the chosen order; `nil`: every problem, as composed.
    public var problemCodes: [String]?
    public var dossiers: [Brief.Dossier]
    /// `coordinator` or `command`.
    public var reviewer: String

    public init(introduction: String, problemCodes: [String]?, dossiers: [Brief.Dossier], reviewer: String) {
        self.introduction = introduction
        self.problemCodes = problemCodes
        self.dossiers = dossiers
        self.reviewer = reviewer
    }

    /// The draft as it is published.
    public func applied(to draft: Brief) -> Brief {
        var brief = draft
        brief.introduction = self.introduction.isEmpty ? nil : self.introduction
        if let codes = self.problemCodes {
            brief.clusters = codes.compactMap { code in draft.clusters.first { $0.id == code } }
        }
        for index in brief.clusters.indices {
            if let dossier = self.dossiers.first(where: { $0.problemCode == brief.clusters[index].id }) {
                brief.clusters[index].label = dossier.title
            }
        }
        brief.dossiers = self.dossiers
        brief.reviewedBy = self.reviewer
        return brief
    }
}
