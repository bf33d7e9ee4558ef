import Foundation
import SignaalStore
import SignaalTesting
import Testing

/// Migration 012 keeps the classifier's themes in the classification only: a database that stored them twice loses
/// the copies in `signal_themes`, and every view shows the same themes as before.
@Suite struct ClassifierThemesMigrationTests {
    @Test func theClassifiersThemesMoveOutOfSignalThemesAndTheViewsShowTheSame() async throws {
        let directory = try MigratorTests.copyOfSQLDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 012 and every migration after it wait until the database holds what the schema before 012 held.
        let later = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") && $0 >= "012" }.sorted()
        for name in later { try FileManager.default.moveItem(atPath: directory + "/" + name, toPath: directory + "/" + name + ".later") }
        try await withEmptyDatabase { database in
            try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            try await database.pool.withConnection(logger: .test) { connection in
                // Three signals as the schema before 012 held them: classified (themes twice), chosen by the
                // submitter, and a theme a person added with no classification.
                try connection.execute(
                    """
                    INSERT INTO signaal.signals (id, tracking_code, description, postcode, region_id, source_id, status_id)
                    SELECT id, code, 'Een signaal.', '2000', (SELECT id FROM signaal.regions WHERE code = 'antwerpen'),
                        (SELECT id FROM signaal.signal_sources WHERE code = 'form'),
                        (SELECT id FROM signaal.signal_statuses WHERE code = 'received')
                    FROM unnest(ARRAY[1, 2, 3], ARRAY['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC']) AS s (id, code)
                    """
                )
                try connection.execute(
                    """
                    INSERT INTO signaal.signal_classifications (signal_id, themes, confidences, deciding_terms, needs_review, model)
                    VALUES (1, '{wonen,inkomen-schulden}', '{0.7,0.2}', '{huur}', false, 'theme-model'),
                        (2, '{energie-water}', '{1}', '{}', false, 'theme-model')
                    """
                )
                try connection.execute(
                    """
                    INSERT INTO signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank, confidence)
                    SELECT signal_id, (SELECT id FROM signaal.themes WHERE code = theme), chosen, rank, confidence
                    FROM (VALUES (1, 'wonen', false, 1, 0.7::real), (1, 'inkomen-schulden', false, 2, 0.2::real),
                        (2, 'energie-water', true, 1, NULL), (3, 'onderwijs-opvang', false, NULL, NULL))
                        AS t (signal_id, theme, chosen, rank, confidence)
                    """
                )
            }
            let before = try await Self.themes(database)
            for name in later {
                try FileManager.default.moveItem(atPath: directory + "/" + name + ".later", toPath: directory + "/" + name)
            }
            let report = try await Migrator(directory: directory).migrate(pool: database.pool, logger: .test)
            #expect(report.applied == later)
            #expect(try await Self.themes(database) == before)
            #expect(
                before == [
                    "1 wonen false 1 0.7", "1 inkomen-schulden false 2 0.2", "2 energie-water true 1 -", "3 onderwijs-opvang false - -",
                ])
            let kept = try await database.query("SELECT signal_id FROM signaal.signal_themes ORDER BY signal_id")
            #expect(try kept.map { try $0.decode(Int.self, at: 0) } == [2, 3], "only the themes people chose stay")
            let listed = try await database.query("SELECT themes FROM analytics.signals ORDER BY id")
            #expect(
                try listed.map { try $0.decode([String].self, at: 0) } == [
                    ["inkomen-schulden", "wonen"], ["energie-water"], ["onderwijs-opvang"],
                ])
        }
    }

    /// What `analytics.signal_themes` shows, a line per row.
    private static func themes(_ database: TestDatabase) async throws -> [String] {
        try await database.query(
            """
            SELECT signal_id::text, theme, is_submitter_choice::text, coalesce(rank::text, '-'), coalesce(confidence::text, '-')
            FROM analytics.signal_themes ORDER BY signal_id, rank NULLS LAST
            """
        ).map { row in
            try (0..<5).map { try row.decode(String.self, at: $0) }.joined(separator: " ")
        }
    }
}
