/// A policy brief: what the signals of one scope and period say, composed once and kept as a snapshot. HTML,
/// Markdown and JSON are all rendered from this one model; its JSON form is what tooling reads.
///
/// Counts below `minimumCount` are `nil` ("fewer than N"): a small number could single out a person or a small
/// organisation.
public struct Brief: Sendable, Codable, Equatable {
    /// Scope code: a region code or `vlaanderen`.
    public var region: String
    public var regionName: String
    /// `2026-10`, `2026-Q3` or `2026`.
    public var period: String
    public var periodName: String
    public var previousPeriod: String
    public var version: Int
    /// ISO 8601 instant of composition.
    public var generatedAt: String
    public var minimumCount: Int
    public var signalCount: Int?
    public var previousSignalCount: Int?
    public var organisationCount: Int?
    public var previousOrganisationCount: Int?
    public var municipalityCount: Int?
    public var previousMunicipalityCount: Int?
    /// Recurring problems, strongest evidence first.
    public var clusters: [Cluster]
    /// Signals of the period in no cluster shown (one-offs and problems below the minimum).
    public var otherSignalCount: Int?
    public var themes: [Count]
    public var regions: [Count]
    public var policyLevels: [Count]
    public var krachtlijnen: [Krachtlijn]
    /// The clustering run whose recurring problems the brief shows; `nil` in briefs composed before it was recorded.
    public var clusterRun: ClusterRun? = nil
    /// Signals a coordinator validated, under the minimum-count rule (`nil` in briefs from before the workspace).
    public var validatedCount: Int? = nil
    public var previousValidatedCount: Int? = nil
    /// A short summary that opens the brief (`nil` in older briefs).
    public var summary: String? = nil
    /// Problems too small for a section of their own, from at least two regions (or, in a regional brief, two signals).
    public var smallProblems: [SmallProblem]? = nil
    /// Signals of the period in no recurring problem at all, under the minimum-count rule.
    public var unclusteredCount: Int? = nil
    /// Signals of the period in problems too small for a section of their own, under the minimum-count rule.
    public var smallProblemSignalCount: Int? = nil
    /// The reviewer's introduction (`nil`: none, or published without review).
    public var introduction: String? = nil
    /// The dossiers the reviewer chose, in their order.
    public var dossiers: [Dossier]? = nil
    /// Who checked the brief before it was published: `coordinator` (a person in the workspace), `command` (a
    /// script, `signaal brief --publish`), or `nil` (published automatically).
    public var reviewedBy: String? = nil

    /// A structural signal (dossier) as a brief presents it.
    public struct Dossier: Codable, Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var problemStatement: String
        public var description: String
        public var ask: String
        public var state: String
        public var problemCode: String?

        public init(
            id: Int64, title: String, problemStatement: String, description: String, ask: String, state: String, problemCode: String?
        ) {
            self.id = id
            self.title = title
            self.problemStatement = problemStatement
            self.description = description
            self.ask = ask
            self.state = state
            self.problemCode = problemCode
        }

        enum CodingKeys: String, CodingKey {
            case id, title, description, ask, state
            case problemStatement = "problem_statement"
            case problemCode = "problem_code"
        }
    }

    /// A reclustering run, by id and the date it clustered up to.
    public struct ClusterRun: Sendable, Codable, Equatable {
        public var id: Int64
        /// `YYYY-MM-DD`.
        public var asOf: String

        public init(id: Int64, asOf: String) {
            self.id = id
            self.asOf = asOf
        }

        enum CodingKeys: String, CodingKey {
            case id
            case asOf = "as_of"
        }
    }

    /// One recurring problem in the brief.
    public struct Cluster: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        /// Signals of this scope and period in the cluster.
        public var size: Int
        public var previousSize: Int?
        /// `nieuw`, `stijgend`, `stabiel` or `dalend` against the previous period.
        public var trend: String
        public var emerging: Bool
        public var regions: [String]
        public var themes: [String]
        public var policyLevels: [String]
        public var organisationCount: Int?
        public var municipalityCount: Int?
        /// The ranking score: distinct regions and reporters weigh more than the raw count.
        public var evidence: Double
        /// One to three representative descriptions (scrubbed at intake).
        public var quotes: [String]
        /// Solutions practitioners suggested.
        public var suggestions: [String]
        /// Signals per period, oldest first, for the trend chart: the previous and the current period.
        public var series: [Int]
        /// The target groups the signals name, most frequent first (`nil` in older briefs).
        public var targetGroups: [String]? = nil
        /// The members' mean closeness to the problem's centre, 0 to 1 (`nil` in older briefs).
        public var cohesion: Double? = nil
        /// Whether the problem looks like a mix: for the reviewer to check ("te controleren").
        public var doubtful: Bool? = nil
    }

    /// A problem with signals from several regions but fewer than the minimum: named, never counted.
    public struct SmallProblem: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        public var regions: [String]
    }

    /// A count by theme, region or policy level, `nil` below the minimum.
    public struct Count: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var count: Int?
    }

    /// A krachtlijn of sterk sociaal werk the brief's problems concern, and why.
    public struct Krachtlijn: Sendable, Codable, Equatable {
        public var code: String
        public var reason: String
    }

    enum CodingKeys: String, CodingKey {
        case region, period, version, clusters, themes, regions, krachtlijnen
        case regionName = "region_name"
        case periodName = "period_name"
        case previousPeriod = "previous_period"
        case generatedAt = "generated_at"
        case minimumCount = "minimum_count"
        case signalCount = "signal_count"
        case previousSignalCount = "previous_signal_count"
        case organisationCount = "organisation_count"
        case previousOrganisationCount = "previous_organisation_count"
        case municipalityCount = "municipality_count"
        case previousMunicipalityCount = "previous_municipality_count"
        case otherSignalCount = "other_signal_count"
        case policyLevels = "policy_levels"
        case clusterRun = "cluster_run"
        case validatedCount = "validated_count"
        case previousValidatedCount = "previous_validated_count"
        case introduction, dossiers, summary
        case reviewedBy = "reviewed_by"
        case smallProblems = "small_problems"
        case unclusteredCount = "unclustered_count"
        case smallProblemSignalCount = "small_problem_signal_count"
    }
}

extension Brief.Cluster {
    enum CodingKeys: String, CodingKey {
        case id, label, size, trend, emerging, regions, themes, evidence, quotes, suggestions, series
        case previousSize = "previous_size"
        case policyLevels = "policy_levels"
        case organisationCount = "organisation_count"
        case municipalityCount = "municipality_count"
        case targetGroups = "target_groups"
        case cohesion, doubtful
    }
}

extension Brief {
    /// Encodes every key, with `null` for a count below the minimum (synthesised encoding would drop the key).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.region, forKey: .region)
        try container.encode(self.regionName, forKey: .regionName)
        try container.encode(self.period, forKey: .period)
        try container.encode(self.periodName, forKey: .periodName)
        try container.encode(self.previousPeriod, forKey: .previousPeriod)
        try container.encode(self.version, forKey: .version)
        try container.encode(self.generatedAt, forKey: .generatedAt)
        try container.encode(self.minimumCount, forKey: .minimumCount)
        try container.encode(self.signalCount, forKey: .signalCount)
        try container.encode(self.previousSignalCount, forKey: .previousSignalCount)
        try container.encode(self.organisationCount, forKey: .organisationCount)
        try container.encode(self.previousOrganisationCount, forKey: .previousOrganisationCount)
        try container.encode(self.municipalityCount, forKey: .municipalityCount)
        try container.encode(self.previousMunicipalityCount, forKey: .previousMunicipalityCount)
        try container.encode(self.clusters, forKey: .clusters)
        try container.encode(self.otherSignalCount, forKey: .otherSignalCount)
        try container.encode(self.themes, forKey: .themes)
        try container.encode(self.regions, forKey: .regions)
        try container.encode(self.policyLevels, forKey: .policyLevels)
        try container.encode(self.krachtlijnen, forKey: .krachtlijnen)
        try container.encode(self.clusterRun, forKey: .clusterRun)
        try container.encode(self.validatedCount, forKey: .validatedCount)
        try container.encode(self.previousValidatedCount, forKey: .previousValidatedCount)
        try container.encode(self.introduction, forKey: .introduction)
        try container.encode(self.dossiers, forKey: .dossiers)
        try container.encode(self.reviewedBy, forKey: .reviewedBy)
        try container.encode(self.summary, forKey: .summary)
        try container.encode(self.smallProblems, forKey: .smallProblems)
        try container.encode(self.unclusteredCount, forKey: .unclusteredCount)
        try container.encode(self.smallProblemSignalCount, forKey: .smallProblemSignalCount)
    }
}

extension Brief.Cluster {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)
        try container.encode(self.label, forKey: .label)
        try container.encode(self.size, forKey: .size)
        try container.encode(self.previousSize, forKey: .previousSize)
        try container.encode(self.trend, forKey: .trend)
        try container.encode(self.emerging, forKey: .emerging)
        try container.encode(self.regions, forKey: .regions)
        try container.encode(self.themes, forKey: .themes)
        try container.encode(self.policyLevels, forKey: .policyLevels)
        try container.encode(self.organisationCount, forKey: .organisationCount)
        try container.encode(self.municipalityCount, forKey: .municipalityCount)
        try container.encode(self.evidence, forKey: .evidence)
        try container.encode(self.quotes, forKey: .quotes)
        try container.encode(self.suggestions, forKey: .suggestions)
        try container.encode(self.series, forKey: .series)
        try container.encode(self.targetGroups, forKey: .targetGroups)
        try container.encode(self.cohesion, forKey: .cohesion)
        try container.encode(self.doubtful, forKey: .doubtful)
    }
}

extension Brief.Count {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.code, forKey: .code)
        try container.encode(self.name, forKey: .name)
        try container.encode(self.count, forKey: .count)
    }

    enum CodingKeys: String, CodingKey {
        case code, name, count
    }
}
