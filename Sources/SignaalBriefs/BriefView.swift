import Foundation
import SignaalCore

/// The Dutch sentences and figures both renderers show, derived from a brief so that HTML and Markdown say the same.
struct BriefView {
    let brief: Brief

    init(_ brief: Brief) {
        self.brief = brief
    }

    struct KeyFigure {
        let name: String
        let current: String
        let previous: String
    }

    var generatedOn: String { String(self.brief.generatedAt.prefix(10)) }

    var scopeSentence: String {
        "Signalen met een vaststellingsdatum in \(self.brief.periodName), vergeleken met \(self.brief.previousPeriod)."
    }

    var keyFigures: [KeyFigure] {
        [
            KeyFigure(
                name: "Signalen", current: self.figure(self.brief.signalCount), previous: self.figure(self.brief.previousSignalCount)),
            KeyFigure(
                name: "Organisaties die meldden", current: self.figure(self.brief.organisationCount, unknown: "onbekend"),
                previous: self.figure(self.brief.previousOrganisationCount, unknown: "onbekend")),
            KeyFigure(
                name: "Gemeenten", current: self.figure(self.brief.municipalityCount),
                previous: self.figure(self.brief.previousMunicipalityCount)),
            KeyFigure(
                name: "Gevalideerd door een coördinator", current: self.figure(self.brief.validatedCount, unknown: "onbekend"),
                previous: self.figure(self.brief.previousValidatedCount, unknown: "onbekend")),
        ]
    }

    /// What the problems above leave out, truthfully: signals in smaller problems, and signals in none.
    var otherSentence: String? {
        // Briefs from before the summary counted every signal outside the problems shown as in none.
        guard self.brief.summary != nil else {
            return (self.brief.otherSignalCount ?? 0) > 0
                ? "Daarnaast \(self.brief.otherSignalCount!) signalen die (nog) bij geen terugkerend probleem horen." : nil
        }
        let figure = { (count: Int?) in count.map(String.init) ?? "minder dan \(self.brief.minimumCount)" }
        let (small, unclustered) = (self.brief.smallProblemSignalCount, self.brief.unclusteredCount)
        var parts: [String] = []
        if small != 0 { parts.append("\(figure(small)) signalen in kleinere problemen") }
        if unclustered != 0 { parts.append("\(figure(unclustered)) signalen die (nog) bij geen terugkerend probleem horen") }
        return parts.isEmpty ? nil : "Daarnaast " + parts.joined(separator: " en ") + "."
    }

    var noClusters: String {
        "Geen terugkerend probleem telde in deze periode minstens \(self.brief.minimumCount) signalen."
    }

    func figure(_ value: Int?, unknown: String? = nil) -> String {
        value.map(String.init) ?? unknown ?? "minder dan \(self.brief.minimumCount)"
    }

    static func trendPhrase(_ cluster: Brief.Cluster) -> String {
        switch cluster.trend {
        case "te weinig signalen": "te weinig signalen voor een trend"
        case "nieuw": "nieuw in deze periode"
        case "stijgend": "stijgend, vorige periode \(cluster.previousSize.map(String.init) ?? "enkele")"
        case "dalend": "dalend, vorige periode \(cluster.previousSize.map(String.init) ?? "enkele")"
        default: "stabiel, vorige periode \(cluster.previousSize.map(String.init) ?? "enkele")"
        }
    }

    private func names(_ codes: [String], in counts: [Brief.Count]) -> String {
        codes.map { code in counts.first { $0.code == code }?.name ?? code }.joined(separator: ", ")
    }

    func regionNames(_ codes: [String]) -> String { self.names(codes, in: self.brief.regions) }
    func themeNames(_ codes: [String]) -> String { self.names(codes, in: self.brief.themes) }
    func policyLevelNames(_ codes: [String]) -> String { self.names(codes, in: self.brief.policyLevels) }

    /// The methodology and caveats, paragraph by paragraph.
    var methodology: [String] {
        [
            "Signalen zijn meldingen van praktijkwerkers over structurele problemen. Ze zijn geen representatieve "
                + "steekproef: ze tonen wat werkers zien en doorgeven, niet hoe vaak een probleem in de bevolking voorkomt. "
                + "Een regio of organisatie die veel meldt, weegt daarom niet zwaarder door.",
            "Signaal groepeert signalen die hetzelfde probleem beschrijven tot terugkerende problemen. De volgorde volgt "
                + "het bewijs: het aantal verschillende regio's (×3) en verschillende melders (×2; organisaties, of "
                + "gemeenten waar de organisatie onbekend is) weegt meer dan het aantal signalen zelf (logaritmisch).",
            "Trend: het aantal signalen in deze periode tegenover de vorige (stijgend vanaf +25 %, dalend vanaf −20 %). "
                + "Een probleem is opkomend wanneer het de laatste drie maanden significant vaker gemeld wordt dan in het "
                + "jaar ervoor (Poissontoets).",
            "Kleine aantallen: geen enkel cijfer over minder dan \(self.brief.minimumCount) signalen wordt getoond, zodat "
                + "geen persoon of kleine organisatie herkenbaar wordt. Citaten zijn bij ontvangst ontdaan van "
                + "persoonsgegevens.",
            "De krachtlijnen worden toegekend volgens vaste regels: politiserend voor elke brief met signalen, verbindend "
                + "wanneer een probleem uit minstens drie regio's komt, generalistisch wanneer het meerdere thema's raakt, "
                + "procesmatig wanneer het over periodes terugkeert.",
            self.reviewSentence,
            "Deze brief is een momentopname (versie \(self.brief.version)): ze verandert niet meer. Een nieuwe versie "
                + "verschijnt wanneer ze opnieuw wordt samengesteld.",
        ]
    }

    /// Which parts a person checked and which are automatic.
    var reviewSentence: String {
        switch self.brief.reviewedBy {
        case "coordinator":
            "Een coördinator las deze brief na voor ze verscheen: de inleiding, de keuze en volgorde van de problemen, de "
                + "titels en de dossiers komen van een mens; de cijfers, de groepering, de citaten en de grafieken zijn "
                + "automatisch."
        case "command":
            "Deze brief werd door een script gepubliceerd: de keuze van de problemen en de titels komen van wie het script "
                + "draait of zijn automatisch; de cijfers, de groepering, de citaten en de grafieken zijn automatisch."
        default:
            "Deze brief werd automatisch samengesteld en gepubliceerd, zonder dat een mens haar vooraf las."
        }
    }

    /// Month labels for the trend chart of the brief's period (`jun`, `jul`, …), oldest first.
    func seriesLabels(count: Int) -> [String] {
        let short = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        guard let period = Period(self.brief.period)?.end.month.advanced(by: -1) else { return [] }
        return (0..<count).map { short[((period - (count - 1 - $0)) % 12 + 12) % 12] }
    }
}
