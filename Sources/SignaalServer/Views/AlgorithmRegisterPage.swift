import Foundation

/// The view model of `/over/algoritmes`: what Signaal's automatic judgments do, what they learn from, how well they
/// do on problems they never saw, their limits, and that a coordinator decides. The figures come from
/// `Resources/algorithm-figures.json`, which `Benchmarks/summarize.py` rewrites after a benchmark run.
struct AlgorithmRegisterPage {
    let pageTitle = "Hoe Signaal automatisch oordeelt"
    let measuredOn: String
    let figures: Figures

    /// Each judgment's measured quality, in a Dutch sentence.
    struct Figures: Decodable {
        let scrubber: String
        let themesGrouped: String
        let themesRandom: String
        let themesLong: String
        let clustering: String
        let emerging: String

        enum CodingKeys: String, CodingKey {
            case scrubber, clustering, emerging
            case themesGrouped = "themes_grouped"
            case themesRandom = "themes_random"
            case themesLong = "themes_long"
        }
    }

    /// The page with the figures shipped with the module.
    static func load() throws -> AlgorithmRegisterPage {
        struct File: Decodable {
            let measured_on: String
            let figures: Figures
        }
        let file = try JSONDecoder().decode(File.self, from: ServerResources.contents(of: "algorithm-figures.json"))
        return AlgorithmRegisterPage(measuredOn: file.measured_on, figures: file.figures)
    }
}
