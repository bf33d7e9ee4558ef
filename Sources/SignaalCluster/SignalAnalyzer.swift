import SignaalText
import Synchronization

/// What the theme model and the clustering see of a signal: its terms (stems, abbreviations, compound parts) and
/// the concepts of the lexicon it expresses, written `#concept` so they never collide with a term.
public struct SignalAnalyzer: Sendable {
    public let lexicon: ConceptLexicon
    private let termAnalyzer: TermAnalyzer
    /// The feature of each concept: its name after the concept marker.
    private let conceptFeatures: [String]
    /// The numbers of the features a caller looks up by number (see `numberedFeatures(_:remembering:)`), and the
    /// number of each concept's feature.
    private let featureNumbers: [String: Int32]
    private let conceptNumbers: [Int32?]

    /// - Parameters:
    ///   - compoundVocabulary: stems that count as words when compounds are split (see `CompoundSplitter`).
    ///   - featureNumbers: numbers for the features a caller knows (for example a theme model's), for
    ///     `numberedFeatures(_:remembering:)`.
    ///   - splitsOnOneKnownPart: whether a compound with one known part gives that part (see `CompoundSplitter`).
    public init(
        lexicon: ConceptLexicon = .standard, compoundVocabulary: Set<String> = [], featureNumbers: [String: Int32] = [:],
        splitsOnOneKnownPart: Bool = false
    ) {
        self.lexicon = lexicon
        self.conceptFeatures = lexicon.concepts.map { "\(Self.conceptMarker)\($0.name)" }
        self.featureNumbers = featureNumbers
        self.conceptNumbers = self.conceptFeatures.map { featureNumbers[$0] }
        self.termAnalyzer = TermAnalyzer(
            compoundSplitter: compoundVocabulary.isEmpty
                ? nil : CompoundSplitter(vocabulary: compoundVocabulary, splitsOnOneKnownPart: splitsOnOneKnownPart)
        )
    }

    /// The prefix that marks a concept feature.
    public static let conceptMarker: Character = "#"

    /// The features of one text. What the analyzer learns about each word (stem, compound parts, wildcard
    /// matches) is remembered for the texts that follow, across calls and threads: a stream of single signals
    /// costs what a batch costs.
    public func features(_ text: String) -> [String] {
        self.withSharedMemory { self.features([text], remembering: $0)[0] }
    }

    /// Runs `body` with a memory of this analyzer's that no other caller is using meanwhile (one is made when all
    /// are in use): concurrent analyses never wait for each other, and what one learns serves the callers after it.
    public func withSharedMemory<Result>(_ body: (Memory) -> Result) -> Result {
        let memory = self.sharedMemories.free.withLock { $0.popLast() } ?? Memory()
        defer { self.sharedMemories.free.withLock { $0.append(memory) } }
        return body(memory)
    }

    /// Words a memory remembers before it starts afresh (a few MiB at most).
    static let memoryCapacity = 50_000
    private let sharedMemories = SharedMemories()

    /// The memories that callers borrow (see `withSharedMemory(_:)`).
    private final class SharedMemories: Sendable {
        let free = Mutex<[Memory]>([])
    }

    /// What an analysis remembers from one text to the next: stems, compound parts and wildcard matches per word.
    /// Borrowed from the analyzer with `withSharedMemory(_:)`.
    public final class Memory: Sendable {
        fileprivate let cache = Mutex(Cache())
        fileprivate init() {}
    }

    /// The features of each text, on the calling thread, with what `memory` remembers (and adding to it).
    public func features(_ texts: [String], remembering memory: Memory) -> [[String]] {
        self.withCache(memory) { cache in texts.map { self.features($0, cache: &cache) } }
    }

    /// A text's features as the numbers the analyzer was given (`featureNumbers`), for callers that look features up
    /// by number: no feature is written out as a string.
    public struct NumberedFeatures: Sendable {
        /// The numbers of the features that have one, a number per occurrence.
        public let numbers: [Int32]
        /// How many features the text has, numbered or not.
        public let count: Int
    }

    /// The features of each text as numbers (see `NumberedFeatures`), on the calling thread, with what `memory`
    /// remembers (and adding to it).
    public func numberedFeatures(_ texts: [String], remembering memory: Memory) -> [NumberedFeatures] {
        self.withCache(memory) { cache in texts.map { self.numberedFeatures($0, cache: &cache) } }
    }

    private func withCache<Result>(_ memory: Memory, _ body: (inout Cache) -> Result) -> Result {
        memory.cache.withLock { cache in
            if cache.words.count > Self.memoryCapacity { cache = Cache() }
            return body(&cache)
        }
    }

    /// What analysing a collection remembers between documents: the analysis of every word seen, by the word as
    /// the tokenizer gives it (a Flemish variant or shorthand stands for its standard words, usually one).
    fileprivate struct Cache {
        var words: [String: [Word]] = [:]
    }

    /// What the analyzer knows of one word, whatever text it is in (a class: shared, not copied, by every text
    /// the word occurs in).
    fileprivate final class Word: Sendable, ConceptLexiconWord {
        let lowered: String
        let stem: String
        /// The terms the word contributes (see `TermAnalyzer.terms(ofToken:stem:parts:)`).
        let terms: [String]
        /// The numbers of those terms that have one (see `SignalAnalyzer.featureNumbers`).
        let numbers: [Int32]
        /// The concept forms that may start at the word.
        let formsStarting: [Int]

        init(lowered: String, stem: String, terms: [String], numbers: [Int32], formsStarting: [Int]) {
            self.lowered = lowered
            self.stem = stem
            self.terms = terms
            self.numbers = numbers
            self.formsStarting = formsStarting
        }
    }

    private func words(_ raw: String, cache: inout Cache) -> [Word] {
        if let known = cache.words[raw] { return known }
        let words = FlemishVariants.standard(raw).map(self.word)
        cache.words[raw] = words
        return words
    }

    private func word(_ token: String) -> Word {
        let lowered = token.lowercased()
        let stem = DutchTokenizer.abbreviations.contains(token) ? token : self.stemmer.stem(lowered)
        let terms = self.termAnalyzer.terms(
            ofToken: token, stem: { _ in stem }, parts: { self.termAnalyzer.compoundSplitter?.parts(of: $0) ?? [] })
        return Word(
            lowered: lowered, stem: stem, terms: terms,
            numbers: self.featureNumbers.isEmpty ? [] : terms.compactMap { self.featureNumbers[$0] },
            formsStarting: self.lexicon.formsStarting(token: token, lowered: lowered, stem: stem))
    }
    private let stemmer = DutchStemmer()
    private let tokenizer = DutchTokenizer()

    /// The features of each text of a collection, analysed on all cores.
    public func features(_ texts: [String]) -> [[String]] {
        texts.concurrentChunks { chunk in
            var cache = Cache()
            return chunk.map { self.features($0, cache: &cache) }
        }
    }

    private func features(_ text: String, cache: inout Cache) -> [String] {
        var terms: [String] = []
        let concepts = self.concepts(text, cache: &cache) { terms += $0.terms }
        return terms + concepts.map { self.conceptFeatures[$0] }
    }

    private func numberedFeatures(_ text: String, cache: inout Cache) -> NumberedFeatures {
        var numbers: [Int32] = []
        var count = 0
        let concepts = self.concepts(text, cache: &cache) { word in
            numbers += word.numbers
            count += word.terms.count
        }
        numbers += concepts.compactMap { self.conceptNumbers[$0] }
        return NumberedFeatures(numbers: numbers, count: count + concepts.count)
    }

    /// The concepts `text` expresses, after `visit` has seen each of its words: the words of
    /// `TermAnalyzer.tokens(_:)`, Flemish variants resolved through the cache.
    private func concepts(_ text: String, cache: inout Cache, visiting visit: (Word) -> Void) -> [Int] {
        var words: [Word] = []
        for raw in self.tokenizer.tokens(text) {
            for word in self.words(raw, cache: &cache) {
                visit(word)
                words.append(word)
            }
        }
        return self.lexicon.concepts(of: words)
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
