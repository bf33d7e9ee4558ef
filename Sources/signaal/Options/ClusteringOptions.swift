import ArgumentParser
import Foundation
import SignaalCluster

/// The knobs of the clustering and the theme model, for analysts who want to try other settings.
struct ClusteringOptions: ParsableArguments {
    @Option(help: "Mean cosine similarity at which groups still merge (default 0.2).")
    var threshold: Float?

    @Option(name: .customLong("concept-weight"), help: "How much the concepts count beside the terms, each normalised apart (default 0.6).")
    var conceptWeight: Float?

    @Option(name: .customLong("minimum-cluster-size"), help: "Smaller groups stay unclustered (default 3).")
    var minimumClusterSize: Int?

    @Option(help: "A concept lexicon to use instead of the one shipped (same syntax as Resources/concepts.txt).")
    var lexicon: String?

    @Option(name: .customLong("theme-model"), help: "A theme model built by `signaal themes train` (default: the one shipped).")
    var themeModel: String?

    var parameters: RecurringProblemClusterer.Parameters {
        var parameters = RecurringProblemClusterer.Parameters()
        if let threshold { parameters.threshold = threshold }
        if let conceptWeight { parameters.conceptWeight = conceptWeight }
        if let minimumClusterSize { parameters.minimumClusterSize = minimumClusterSize }
        return parameters
    }

    func loadThemeModel() throws -> ThemeModel {
        guard let path = self.themeModel else { return try ThemeClassifier.standardModel() }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--theme-model: cannot read \(path)") }
        do {
            return try JSONDecoder().decode(ThemeModel.self, from: data)
        } catch {
            throw ValidationError("--theme-model: \(path) is not a theme model (\(error))")
        }
    }
}
