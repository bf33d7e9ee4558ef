public import Foundation
public import SignaalCore

/// Composes a `Brief` from the signals of a scope: counts against the previous period, recurring problems ranked by
/// evidence, quotes and suggestions, counts by theme, region and policy level, and the krachtlijnen concerned.
/// Pure: the store supplies the signals, the caller stores and renders the result.
public struct BriefComposer: Sendable {
    /// Names of the vocabularies, code → Dutch name.
    public struct Names: Sendable {
        public var themes: [String: String]
        public var regions: [String: String]
        public var policyLevels: [String: String]

        public init(themes: [String: String], regions: [String: String], policyLevels: [String: String]) {
            self.themes = themes
            self.regions = regions
            self.policyLevels = policyLevels
        }
    }

    public let names: Names
    /// No figure about fewer signals than this is shown. Default: 3.
    public var minimumCount = 3
    /// Recurring problems in a brief at most. Default: 10.
    public var maximumClusters = 10
    /// Months in a cluster's trend chart. Default: 6.
    public var seriesMonths = 6

    public init(names: Names) {
        self.names = names
    }

    /// The first day whose signals a brief of `period` needs: the start of the previous period, or of the trend
    /// chart's first month if that lies earlier.
    public func windowStart(for period: Period) -> CalendarDate {
        let chartStart = Period(kind: .month, containing: period.end).shifted(months: -(self.seriesMonths - 1)).start
        return min(period.previous.start, chartStart)
    }

    /// The brief, and the ids of the signals it counts (for the feedback page); `clusterRun` names the clustering
    /// run whose recurring problems the signals carry.
    public func compose(
        scope: BriefScope, period: Period, signals: [BriefSignal], version: Int, generatedAt: Date,
        clusterRun: Brief.ClusterRun? = nil
    )
        -> (brief: Brief, includedSignalIDs: [Int64])
    {
        let inScope = signals.filter { scope.includes(regionCode: $0.regionCode) }
        let current = inScope.filter { period.contains($0.observedOn) }
        let previous = inScope.filter { period.previous.contains($0.observedOn) }
        let enough = current.count >= self.minimumCount
        let clusters = self.clusters(current: current, previous: previous, all: inScope, period: period)
        let shown = Set(clusters.flatMap { cluster in current.filter { $0.cluster?.code == cluster.id }.map(\.id) })
        let smallProblems = self.smallProblems(current: current, shown: Set(clusters.map(\.id)), regional: scope != .flanders)
        let unclustered = current.filter { $0.cluster == nil }.count
        let brief = Brief(
            region: scope.code,
            regionName: scope == .flanders
                ? "Vlaams Platform Sterk Sociaal Werk (alle regionale platformen)"
                : self.names.regions[scope.code] ?? scope.code,
            period: period.description, periodName: period.dutchName, previousPeriod: period.previous.description,
            version: version, generatedAt: ISO8601DateFormatter().string(from: generatedAt), minimumCount: self.minimumCount,
            signalCount: self.shown(current.count), previousSignalCount: self.shown(previous.count),
            organisationCount: enough ? self.distinct(current.compactMap(\.organisation)) : nil,
            previousOrganisationCount: previous.count >= self.minimumCount ? self.distinct(previous.compactMap(\.organisation)) : nil,
            municipalityCount: enough ? Set(current.compactMap(\.municipality)).count : nil,
            previousMunicipalityCount: previous.count >= self.minimumCount ? Set(previous.compactMap(\.municipality)).count : nil,
            clusters: clusters, otherSignalCount: self.shown(current.count - shown.count),
            themes: self.counts(current.flatMap(\.themes), names: self.names.themes),
            regions: self.counts(current.map(\.regionCode), names: self.names.regions),
            policyLevels: self.counts(current.compactMap(\.policyLevel), names: self.names.policyLevels),
            krachtlijnen: self.krachtlijnen(clusters, enough: enough), clusterRun: clusterRun,
            validatedCount: enough ? current.count(where: \.validated) : nil,
            previousValidatedCount: previous.count >= self.minimumCount ? previous.count(where: \.validated) : nil,
            summary: self.summary(current: current, clusters: clusters, unclustered: unclustered, period: period, enough: enough),
            smallProblems: smallProblems, unclusteredCount: self.shown(unclustered),
            smallProblemSignalCount: self.shown(current.count - shown.count - unclustered))
        return (brief, current.map(\.id))
    }

    /// A count, or `nil` when it is about fewer signals than the minimum (zero is no one and is shown).
    func shown(_ count: Int) -> Int? {
        count == 0 || count >= self.minimumCount ? count : nil
    }

    private func distinct(_ values: [String]) -> Int? {
        values.isEmpty ? nil : Set(values).count
    }

    private func counts(_ codes: [String], names: [String: String]) -> [Brief.Count] {
        var counts: [String: Int] = [:]
        for code in codes { counts[code, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { Brief.Count(code: $0.key, name: names[$0.key] ?? $0.key, count: self.shown($0.value)) }
    }

    /// The recurring problems with at least the minimum of signals in the period, strongest evidence first.
    private func clusters(current: [BriefSignal], previous: [BriefSignal], all: [BriefSignal], period: Period) -> [Brief.Cluster] {
        var members: [String: [BriefSignal]] = [:]
        for signal in current { if let code = signal.cluster?.code { members[code, default: []].append(signal) } }
        let chartMonths = (0..<self.seriesMonths).map {
            Period(kind: .month, containing: period.end).shifted(months: $0 - (self.seriesMonths - 1))
        }
        // The problems shown, strongest evidence first; only they are read for quotes and asks.
        let candidates: [(code: String, signals: [BriefSignal], evidence: Double)] =
            members
            .filter { $0.value.count >= self.minimumCount }
            .map { (code: $0.key, signals: $0.value, evidence: Self.evidence($0.value)) }
        let shown = candidates.sorted { first, second in
            if first.evidence != second.evidence { return first.evidence > second.evidence }
            if first.signals.count != second.signals.count { return first.signals.count > second.signals.count }
            return first.code < second.code
        }.prefix(self.maximumClusters)
        return shown.map { code, signals, evidence -> Brief.Cluster in
            let before = previous.filter { $0.cluster?.code == code }.count
            let reporters = Set(signals.compactMap(\.organisation)).count
            let municipalities = Set(signals.compactMap(\.municipality)).count
            let regions = Self.ranked(signals.map(\.regionCode))
            let representative = signals.sorted { ($0.cluster?.similarity ?? 0) > ($1.cluster?.similarity ?? 0) }
            let reference = signals[0].cluster!
            let cohesion = signals.map { $0.cluster?.similarity ?? 0 }.reduce(0, +) / Double(signals.count)
            let asks = signals.flatMap { BriefText.asks(in: $0.description) } + signals.compactMap(\.suggestion)
            return Brief.Cluster(
                id: code, label: reference.label, size: signals.count, previousSize: self.shown(before),
                trend: signals.count < Self.trendMinimum ? "te weinig signalen" : Self.trend(current: signals.count, previous: before),
                emerging: reference.emerging,
                regions: regions, themes: Array(Self.ranked(signals.flatMap(\.themes)).prefix(3)),
                policyLevels: Self.ranked(signals.compactMap(\.policyLevel)),
                organisationCount: reporters > 0 ? reporters : nil, municipalityCount: municipalities,
                evidence: evidence,
                quotes: Self.fromDifferentRegions(representative).map { BriefText.sentences($0.description, limit: 320) },
                suggestions: Array(Self.ranked(asks.map { BriefText.sentences($0, limit: 240) }).prefix(3)),
                series: chartMonths.map { month in all.filter { $0.cluster?.code == code && month.contains($0.observedOn) }.count },
                targetGroups: Array(Self.ranked(signals.compactMap { $0.targetGroup.map { Self.excerpt($0, limit: 80) } }).prefix(3)),
                cohesion: (cohesion * 100).rounded() / 100, doubtful: cohesion < Self.doubtfulCohesion)
        }
    }

    /// How strongly a problem's signals stand as evidence: regions count most, then reporting organisations (or
    /// municipalities when no organisation is known), then the number of signals.
    private static func evidence(_ signals: [BriefSignal]) -> Double {
        let reporters = Set(signals.compactMap(\.organisation)).count
        let municipalities = Set(signals.compactMap(\.municipality)).count
        let regions = Set(signals.map(\.regionCode)).count
        let evidence =
            3 * Double(regions) + 2 * Double(reporters > 0 ? reporters : municipalities) + Foundation.log(1 + Double(signals.count))
        return (evidence * 100).rounded() / 100
    }

    /// Below this many signals a problem shows no trend. Default: 5.
    static let trendMinimum = 5
    /// A problem whose members are on average less close to its centre than this is marked for the reviewer.
    static let doubtfulCohesion = 0.35

    /// Up to three signals to quote: the closest to the centre from each region first, then the next closest.
    static func fromDifferentRegions(_ ranked: [BriefSignal]) -> [BriefSignal] {
        var chosen: [BriefSignal] = []
        var regions = Set<String>()
        for signal in ranked where chosen.count < 3 && regions.insert(signal.regionCode).inserted { chosen.append(signal) }
        for signal in ranked where chosen.count < 3 && !chosen.contains(where: { $0.id == signal.id }) { chosen.append(signal) }
        return chosen
    }

    /// Problems too small for a section: from at least two regions, or in a regional brief with at least two signals.
    private func smallProblems(current: [BriefSignal], shown: Set<String>, regional: Bool) -> [Brief.SmallProblem] {
        var members: [String: [BriefSignal]] = [:]
        for signal in current { if let code = signal.cluster?.code, !shown.contains(code) { members[code, default: []].append(signal) } }
        return members.compactMap { code, signals in
            let regions = Self.ranked(signals.map(\.regionCode))
            guard regions.count >= 2 || (regional && signals.count >= 2) else { return nil }
            return Brief.SmallProblem(id: code, label: signals[0].cluster!.label, regions: regions)
        }.sorted { $0.regions.count != $1.regions.count ? $0.regions.count > $1.regions.count : $0.id < $1.id }
    }

    /// The sentences that open the brief, under the minimum-count rule.
    private func summary(current: [BriefSignal], clusters: [Brief.Cluster], unclustered: Int, period: Period, enough: Bool) -> String {
        guard enough else {
            return "In \(period.dutchName) kwamen minder dan \(self.minimumCount) signalen binnen: te weinig om iets over te zeggen."
        }
        var text = "In \(period.dutchName) kwamen \(current.count) signalen binnen"
        if let organisations = self.distinct(current.compactMap(\.organisation)), organisations >= self.minimumCount {
            text += " van \(organisations) organisaties"
        }
        text += "."
        if let strongest = clusters.first {
            text +=
                " \(clusters.count) terugkerende \(clusters.count == 1 ? "probleem staat" : "problemen staan") hieronder; het sterkst "
                + "onderbouwd is “\(strongest.label)” (\(strongest.size) signalen uit \(strongest.regions.count) "
                + (strongest.regions.count == 1 ? "regio)." : "regio's).")
        } else {
            text += " Geen terugkerend probleem telde minstens \(self.minimumCount) signalen."
        }
        if let loose = self.shown(unclustered), loose > 0 { text += " \(loose) signalen horen (nog) bij geen terugkerend probleem." }
        return text
    }

    /// The krachtlijnen of sterk sociaal werk the problems concern, by rules stated in the brief's methodology.
    private func krachtlijnen(_ clusters: [Brief.Cluster], enough: Bool) -> [Brief.Krachtlijn] {
        guard enough else { return [] }
        var result = [
            Brief.Krachtlijn(
                code: "politiserend", reason: "Signalen maken structurele problemen uit de praktijk zichtbaar voor beleid.")
        ]
        if clusters.contains(where: { $0.regions.count >= 3 }) {
            result.append(.init(code: "verbindend", reason: "Praktijkwerkers uit minstens drie regio's melden hetzelfde probleem."))
        }
        if clusters.contains(where: { $0.themes.count >= 2 }) {
            result.append(.init(code: "generalistisch", reason: "Problemen raken meerdere levensdomeinen tegelijk."))
        }
        if clusters.contains(where: { $0.trend != "nieuw" }) {
            result.append(.init(code: "procesmatig", reason: "Problemen keren terug over opeenvolgende periodes."))
        }
        return result
    }

    static func trend(current: Int, previous: Int) -> String {
        guard previous > 0 else { return "nieuw" }
        let ratio = Double(current) / Double(previous)
        return ratio >= 1.25 ? "stijgend" : ratio <= 0.8 ? "dalend" : "stabiel"
    }

    /// Values by how often they occur, most frequent first (ties alphabetically).
    static func ranked(_ values: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The text cut at a word boundary before `limit` characters, with an ellipsis when cut.
    static func excerpt(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}
