import SignaalText
import Synchronization

/// What the theme model and the clustering see of a signal: its terms (stems, abbreviations, compound parts) and
/// the concepts of the lexicon it expresses, written `#concept` so they never collide with a term.
public struct SignalAnalyzer: Sendable {
    public let lexicon: ConceptLexicon
    private let termAnalyzer: TermAnalyzer

    /// - Parameter compoundVocabulary: stems that count as words when compounds are split (see `CompoundSplitter`).
    public init(lexicon: ConceptLexicon = .standard, compoundVocabulary: Set<String> = []) {
        self.lexicon = lexicon
        self.termAnalyzer = TermAnalyzer(
            compoundSplitter: compoundVocabulary.isEmpty ? nil : CompoundSplitter(vocabulary: compoundVocabulary)
        )
    }

    /// The prefix that marks a concept feature.
    public static let conceptMarker: Character = "#"

    /// The features of one text. What the analyzer learns about each word (stem, compound parts, wildcard
    /// matches) is remembered for the texts that follow, across calls and threads: a stream of single signals
    /// costs what a batch costs.
    public func features(_ text: String) -> [String] {
        self.sharedMemory.cache.withLock { cache in
            if cache.stems.count > Self.sharedMemoryCapacity { cache = Cache() }
            return self.features(text, cache: &cache)
        }
    }

    /// Words remembered across calls before the shared memory starts afresh (a few MiB at most).
    static let sharedMemoryCapacity = 50_000
    private let sharedMemory = Memory()

    /// What an analysis remembers from one text to the next: stems, compound parts and wildcard matches per word.
    /// A caller that analyses a collection in batches keeps one per worker and passes it to every batch.
    public final class Memory: Sendable {
        fileprivate let cache = Mutex(Cache())
        public init() {}
    }

    /// The features of each text, on the calling thread, with what `memory` remembers (and adding to it).
    public func features(_ texts: [String], remembering memory: Memory) -> [[String]] {
        memory.cache.withLock { cache in texts.map { self.features($0, cache: &cache) } }
    }

    /// What analysing a collection remembers between documents: stems and wildcard matches per word.
    fileprivate struct Cache {
        var wildcards = ConceptLexicon.WildcardCache()
        var stems: [String: String] = [:]
        var compoundParts: [String: [String]] = [:]

        mutating func stem(_ token: String, _ stemmer: DutchStemmer) -> String {
            if let stem = self.stems[token] { return stem }
            let stem = DutchTokenizer.abbreviations.contains(token) ? token : stemmer.stem(token.lowercased())
            self.stems[token] = stem
            return stem
        }
    }
    private let stemmer = DutchStemmer()

    /// The features of each text of a collection, analysed on all cores.
    public func features(_ texts: [String]) -> [[String]] {
        texts.concurrentChunks { chunk in
            var cache = Cache()
            return chunk.map { self.features($0, cache: &cache) }
        }
    }

    private func features(_ text: String, cache: inout Cache) -> [String] {
        let tokens = self.termAnalyzer.tokens(text)
        let stems = tokens.map { cache.stem($0, self.stemmer) }
        let concepts = self.lexicon.concepts(in: tokens, stems: stems, cache: &cache.wildcards)
        var stemOf: [String: String] = [:]
        for (token, stem) in zip(tokens, stems) { stemOf[token] = stem }
        let terms = self.termAnalyzer.terms(
            tokens: tokens, stem: { stemOf[$0] ?? self.stemmer.stem($0) },
            parts: { token in
                if let parts = cache.compoundParts[token] { return parts }
                let parts = self.termAnalyzer.compoundSplitter?.parts(of: token) ?? []
                cache.compoundParts[token] = parts
                return parts
            })
        return terms + concepts.map { "#" + self.lexicon.concepts[$0].name }
    }

    /// The stems seen in at least `minimumCount` of `texts`: a compound vocabulary learnt from a collection.
    public static func compoundVocabulary(of texts: [String], minimumCount: Int = 2) -> Set<String> {
        let analyzer = TermAnalyzer()
        var counts: [String: Int] = [:]
        for text in texts {
            for term in Set(analyzer.terms(text)) where term.count >= 3 { counts[term, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= minimumCount }.keys)
    }
}
