import SignaalCluster

/// The one owner of the SQL that writes `signaal.signal_classifications`, the themes the classifier proposed for a
/// signal: on arrival (in the signal's own statement), on every recluster, and at COPY speed for an import.
enum SignalClassificationTable {
    /// A common table expression `classified` that records — or replaces — the classification of the signal that
    /// the expression `arrived` (column `id`) names; nothing when `classification` is `nil`.
    static func classified(_ classification: ThemeClassification?) -> Query {
        """
        classified AS (
            INSERT INTO signaal.signal_classifications (
                signal_id, themes, confidences, deciding_terms, needs_review, model, theme_model_version)
            SELECT arrived.id, \(classification?.themes.map(\.code) ?? []),
                \(classification?.themes.map { String($0.confidence) } ?? [])::text[]::real[],
                \(classification?.decidingTerms ?? []), \(classification?.needsReview ?? false),
                \(Self.modelName(classification?.modelVersion)), \(classification?.modelVersion)::bigint
            FROM arrived WHERE \(classification != nil)
            ON CONFLICT (signal_id) DO UPDATE SET themes = excluded.themes, confidences = excluded.confidences,
                deciding_terms = excluded.deciding_terms, needs_review = excluded.needs_review, model = excluded.model,
                theme_model_version = excluded.theme_model_version, classified_at = now()
        )
        """
    }

    /// Records a stored signal's classification, in the caller's transaction.
    static func save(signalID: String, _ classification: ThemeClassification, on connection: Connection) throws {
        _ = try connection.execute(
            """
            WITH arrived AS (SELECT \(signalID)::bigint AS id), \(fragment: Self.classified(classification))
            SELECT 1
            """
        )
    }

    /// The `COPY` statement whose columns ``copyColumns(_:signalID:)`` writes.
    static let copyStatement = """
        COPY signaal.signal_classifications (
            signal_id, themes, confidences, deciding_terms, needs_review, model, theme_model_version)
        FROM STDIN
        """

    /// A classification's columns for ``copyStatement``.
    static func copyColumns(_ classification: ThemeClassification, signalID: Int64) -> [String?] {
        [
            String(signalID), classification.themes.map(\.code).postgresText,
            classification.themes.map { String($0.confidence) }.postgresText,
            classification.decidingTerms.postgresText, classification.needsReview ? "t" : "f",
            Self.modelName(classification.modelVersion), classification.modelVersion.map(String.init),
        ]
    }

    /// The `model` column: the theme model and its version, when it has one.
    static func modelName(_ version: Int64?) -> String {
        version.map { "theme-model v\($0)" } ?? "theme-model"
    }
}
