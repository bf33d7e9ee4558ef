/// Whether briefs wait for a person (`--brief-review`, `SIGNAAL_BRIEF_REVIEW`).
public enum BriefReviewMode: String, Sendable, CaseIterable {
    /// The scheduler and `signaal brief` store drafts; a coordinator publishes them in the workspace (or a script
    /// with `signaal brief --publish`).
    case required
    /// Briefs are published as soon as they are composed, as before the workspace.
    case off
}
