import SignaalStore

/// A dossier's evidence in words, under the minimum-count rule: a figure below the minimum is "minder dan N".
struct EvidenceFigures {
    let signals: String
    let organisations: String
    let regions: String
    let months: String

    init(_ evidence: DossierEvidence, minimum: Int) {
        func figure(_ value: Int) -> String { value >= minimum || value == 0 ? String(value) : "minder dan \(minimum)" }
        self.signals = figure(evidence.signals)
        self.organisations = figure(evidence.organisations)
        self.regions = String(evidence.regions)
        self.months = String(evidence.months)
    }
}
