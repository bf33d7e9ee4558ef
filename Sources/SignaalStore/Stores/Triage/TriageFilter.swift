public import SignaalCore

/// What the triage queue shows: filters a coordinator combines, a Dutch full-text search and a page.
public struct TriageFilter: Sendable, Equatable {
    /// A status code (`received`, `gevalideerd`, `afgewezen`, `dubbel`).
    public var status: String?
    /// A theme code.
    public var theme: String?
    /// Only signals whose themes the classifier was unsure of and nobody chose.
    public var needsReview = false
    /// A recurring problem's code (`P0001`).
    public var problem: String?
    /// Observed from, up to (inclusive).
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Words to find, as people type them into a search box (`websearch_to_tsquery('dutch', …)`).
    public var search: String?
    /// From 1.
    public var page = 1

    /// Signals per page.
    public static let pageSize = 25

    public init() {}
}
