public import Foundation
public import Logging
public import SignaalCluster

/// The versions of the theme model (migration 016): the one shipped with the program and every model trained from
/// the database, with their measured quality; at most one is active, and that is the one every daemon classifies
/// with.
public struct ThemeModelStore: Sendable {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    /// A model with its version.
    public struct Versioned: Sendable {
        public let version: Int64
        public let model: ThemeModel
    }

    /// The measured quality of a trained model and of the active one on the same grouped folds.
    public struct Evaluation: Sendable, Equatable {
        public let folds: Int
        public let problemGroups: Int
        public let groupedAccuracy: Double
        public let baselineGroupedAccuracy: Double
        public let randomAccuracy: Double
        public let labelledExamples: Int
        public let databaseExamples: Int
        public let examplesUntil: Date

        public init(
            folds: Int, problemGroups: Int, groupedAccuracy: Double, baselineGroupedAccuracy: Double, randomAccuracy: Double,
            labelledExamples: Int, databaseExamples: Int, examplesUntil: Date
        ) {
            self.folds = folds
            self.problemGroups = problemGroups
            self.groupedAccuracy = groupedAccuracy
            self.baselineGroupedAccuracy = baselineGroupedAccuracy
            self.randomAccuracy = randomAccuracy
            self.labelledExamples = labelledExamples
            self.databaseExamples = databaseExamples
            self.examplesUntil = examplesUntil
        }
    }

    /// The active model's version and when its examples were read (`nil` for the shipped model: it knows no signal
    /// of the database).
    public struct ActiveVersion: Sendable, Equatable {
        public let version: Int64
        public let examplesUntil: Date?
    }

    /// Records the shipped model (once per distinct file: `json` is the file as installed) and makes it the active one
    /// unless a trained model is active; returns its version. A model already recorded is not sent again.
    public func registerShipped(_ model: ThemeModel, json: Data, logger: Logger) async throws -> Int64 {
        let digest = Secret.hash(data: json)
        return try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                _ = try transaction.execute("LOCK TABLE signaal.theme_models IN SHARE ROW EXCLUSIVE MODE")
                let known = try transaction.query("SELECT version FROM signaal.theme_models WHERE digest = \(digest)").first
                let version =
                    try known?.decode(Int64.self, at: 0)
                    ?? transaction.fetchOne(
                        """
                        INSERT INTO signaal.theme_models (digest, origin, trained_on, model, decision)
                        VALUES (\(digest), 'meegeleverd', \(model.trainedOn), \(String(decoding: json, as: UTF8.self))::jsonb, 'meegeleverd')
                        RETURNING version
                        """
                    ).decode(Int64.self, at: 0)
                let trainedActive = try transaction.fetchOne(
                    "SELECT EXISTS (SELECT 1 FROM signaal.theme_models WHERE active AND origin = 'getraind')"
                ).decode(Bool.self, at: 0)
                if !trainedActive { try Self.activate(version, on: transaction) }
                return version
            }
        }
    }

    /// The active model's version, `nil` before any is registered: what a daemon polls to see a new model.
    public func activeVersion(logger: Logger) async throws -> ActiveVersion? {
        try await self.pool.withConnection(logger: logger) { connection in
            try connection.query("SELECT version, examples_until FROM signaal.theme_models WHERE active").first.map { row in
                ActiveVersion(version: try row.decode(Int64.self, at: 0), examplesUntil: try row.decode(Date?.self, at: 1))
            }
        }
    }

    /// The model of a version.
    public func model(version: Int64, logger: Logger) async throws -> ThemeModel? {
        let json = try await self.pool.withConnection(logger: logger) { connection in
            try connection.query("SELECT model::text FROM signaal.theme_models WHERE version = \(version)").first.map {
                try $0.decode(String.self, at: 0)
            }
        }
        return try json.map { try JSONDecoder().decode(ThemeModel.self, from: Data($0.utf8)) }
    }

    /// Records a trained model with its evaluation, active when `activate` (the active one then steps down);
    /// returns its version. The same model trained again keeps its version and takes the new figures.
    public func saveTrained(
        _ model: ThemeModel, evaluation: Evaluation, baseline: Int64?, activate: Bool, logger: Logger
    ) async throws -> Int64 {
        let (json, digest) = try Self.encoded(model)
        let decision = activate ? "geactiveerd" : "niet_beter"
        return try await self.pool.withConnection(logger: logger) { connection in
            try connection.withTransaction { transaction in
                _ = try transaction.execute("LOCK TABLE signaal.theme_models IN SHARE ROW EXCLUSIVE MODE")
                let version = try transaction.fetchOne(
                    """
                    INSERT INTO signaal.theme_models (
                        digest, origin, trained_on, model, labelled_examples, database_examples, examples_until, folds,
                        problem_groups, grouped_accuracy, baseline_version, baseline_grouped_accuracy, random_accuracy, decision)
                    VALUES (
                        \(digest), 'getraind', \(model.trainedOn), \(json)::jsonb, \(evaluation.labelledExamples),
                        \(evaluation.databaseExamples), \(evaluation.examplesUntil), \(evaluation.folds), \(evaluation.problemGroups),
                        \(evaluation.groupedAccuracy), \(baseline), \(evaluation.baselineGroupedAccuracy), \(evaluation.randomAccuracy),
                        \(decision))
                    ON CONFLICT (digest) DO UPDATE SET examples_until = excluded.examples_until, folds = excluded.folds,
                        problem_groups = excluded.problem_groups, grouped_accuracy = excluded.grouped_accuracy,
                        baseline_version = excluded.baseline_version,
                        baseline_grouped_accuracy = excluded.baseline_grouped_accuracy,
                        random_accuracy = excluded.random_accuracy, decision = excluded.decision
                    RETURNING version
                    """
                ).decode(Int64.self, at: 0)
                if activate { try Self.activate(version, on: transaction) }
                return version
            }
        }
    }

    /// Makes `version` the one active model, in the caller's transaction (the others step down first: one active
    /// model is a unique index).
    static func activate(_ version: Int64, on transaction: Connection) throws {
        _ = try transaction.execute("UPDATE signaal.theme_models SET active = false WHERE active AND version <> \(version)")
        _ = try transaction.execute(
            "UPDATE signaal.theme_models SET active = true, activated_at = now() WHERE version = \(version) AND NOT active")
    }

    /// The model as stored (keys sorted, so one model has one digest) and its SHA-256.
    static func encoded(_ model: ThemeModel) throws -> (json: String, digest: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(model)
        return (String(decoding: json, as: UTF8.self), Secret.hash(data: json))
    }
}
