import Foundation
import SignaalText

/// The concepts of Flemish social work and the words that express them (see `Resources/concepts.txt` for the
/// syntax): "budgetmeter", "voorafbetaling" and "opladen in de winkel" all mean the concept `budgetmeter`.
/// Concepts let two signals meet when they describe one problem in different words.
public struct ConceptLexicon: Sendable {
    /// One concept: its name, the themes it usually belongs to, and the forms that express it.
    public struct Concept: Sendable, Equatable {
        public let name: String
        public let themes: [String]
        let forms: [[WordPattern]]

        /// How many words and phrases express the concept.
        public var formCount: Int { self.forms.count }
    }

    /// How one word of a form matches a token.
    enum WordPattern: Sendable, Hashable {
        case stem(String)
        case exact(String)
        case prefix(String)
        case suffix(String)
        case infix(String)
    }

    public let concepts: [Concept]
    /// Form number → (concept number, words); and, per first word, the forms starting with it.
    private let forms: [(concept: Int, words: [WordPattern])]
    private let formsByStem: [String: [Int]]
    private let formsByExact: [String: [Int]]
    private let wildcardForms: [Int]
    private let stemmer = DutchStemmer()

    /// Parses a lexicon written in the syntax of `Resources/concepts.txt`.
    public init(text: String) throws(ConceptLexiconError) {
        var concepts: [Concept] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            concepts.append(try Self.concept(line, lineNumber: number + 1))
        }
        let names = concepts.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ConceptLexiconError(line: 0, message: "concept '\(duplicate)' is defined twice")
        }
        self.concepts = concepts
        var forms: [(concept: Int, words: [WordPattern])] = []
        var byStem: [String: [Int]] = [:]
        var byExact: [String: [Int]] = [:]
        var wildcard: [Int] = []
        for (conceptNumber, concept) in concepts.enumerated() {
            for words in concept.forms {
                let formNumber = forms.count
                forms.append((conceptNumber, words))
                switch words[0] {
                case .stem(let stem): byStem[stem, default: []].append(formNumber)
                case .exact(let token): byExact[token, default: []].append(formNumber)
                case .prefix, .suffix, .infix: wildcard.append(formNumber)
                }
            }
        }
        self.forms = forms
        self.formsByStem = byStem
        self.formsByExact = byExact
        self.wildcardForms = wildcard
    }

    /// The lexicon written for Signaal, shipped with the module.
    public static let standard: ConceptLexicon = {
        guard let url = Bundle.module.url(forResource: "concepts", withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            let lexicon = try? ConceptLexicon(text: text)
        else { preconditionFailure("the concept lexicon concepts.txt is missing or invalid in SignaalCluster") }
        return lexicon
    }()

    /// The concept numbers expressed in `tokens` (from `TermAnalyzer.tokens`), once per occurrence.
    public func concepts(in tokens: [String]) -> [Int] {
        self.concepts(
            of: tokens.map { token in
                let lowered = token.lowercased()
                let stem = DutchTokenizer.abbreviations.contains(token) ? token : self.stemmer.stem(lowered)
                return Token(lowered: lowered, stem: stem, formsStarting: self.formsStarting(token: token, lowered: lowered, stem: stem))
            })
    }

    private struct Token: ConceptLexiconWord {
        let lowered: String
        let stem: String
        let formsStarting: [Int]
    }

    /// The forms that may start at a word (its stem, its spelling, or a wildcard pattern matches it), in a fixed
    /// order: what `concepts(of:)` needs per word, and what a caller may remember per word.
    public func formsStarting(token: String, lowered: String, stem: String) -> [Int] {
        var candidates = self.formsByStem[stem] ?? []
        candidates += self.formsByExact[token] ?? []
        if token != lowered { candidates += self.formsByExact[lowered] ?? [] }
        candidates += self.wildcardForms.filter { Self.matches(self.forms[$0].words[0], lowered, stem) }
        return candidates
    }

    /// The concept numbers of a document, given its words in order.
    func concepts<Word: ConceptLexiconWord>(of words: [Word]) -> [Int] {
        var found: [Int] = []
        for position in words.indices {
            for formNumber in words[position].formsStarting where self.matches(self.forms[formNumber].words, at: position, words) {
                found.append(self.forms[formNumber].concept)
            }
        }
        return found
    }

    private func matches<Word: ConceptLexiconWord>(_ patterns: [WordPattern], at position: Int, _ words: [Word]) -> Bool {
        guard position + patterns.count <= words.count else { return false }
        for (offset, pattern) in patterns.enumerated() {
            let word = words[position + offset]
            if !Self.matches(pattern, word.lowered, word.stem) { return false }
        }
        return true
    }

    private static func matches(_ word: WordPattern, _ token: String, _ stem: String) -> Bool {
        switch word {
        case .stem(let expected): stem == expected
        case .exact(let exact): token == exact.lowercased()
        case .prefix(let prefix): token.hasPrefix(prefix)
        case .suffix(let suffix): token.hasSuffix(suffix) && token != suffix
        case .infix(let infix): token.contains(infix)
        }
    }

    private static func concept(_ line: String, lineNumber: Int) throws(ConceptLexiconError) -> Concept {
        guard let colon = line.firstIndex(of: ":") else {
            throw ConceptLexiconError(line: lineNumber, message: "expected 'concept [themes]: forms'")
        }
        var head = line[..<colon].trimmingCharacters(in: .whitespaces)
        var themes: [String] = []
        if let open = head.firstIndex(of: "["), let close = head.lastIndex(of: "]"), open < close {
            themes = head[head.index(after: open)..<close].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            head = head[..<open].trimmingCharacters(in: .whitespaces)
        }
        guard !head.isEmpty, !head.contains(" ") else {
            throw ConceptLexiconError(line: lineNumber, message: "a concept name is one word, got '\(head)'")
        }
        let forms = line[line.index(after: colon)...].split(separator: ",")
            .map { Self.words(of: $0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        guard !forms.isEmpty else { throw ConceptLexiconError(line: lineNumber, message: "concept '\(head)' has no forms") }
        return Concept(name: head, themes: themes, forms: forms)
    }

    /// The word patterns of one form: words split like the tokenizer splits text (spaces, hyphens), each folded to
    /// lower case without diacritics; `*` marks a prefix or suffix; capitals mark an abbreviation.
    private static func words(of form: String) -> [WordPattern] {
        let tokenizer = DutchTokenizer()
        let stemmer = DutchStemmer()
        var patterns: [WordPattern] = []
        for piece in form.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            let leading = piece.hasPrefix("*")
            let trailing = piece.hasSuffix("*") && piece.count > 1
            let core = piece.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
            guard let token = tokenizer.tokens(core).first else { continue }
            let lowered = token.lowercased()
            switch (leading, trailing) {
            case (true, true): patterns.append(.infix(lowered))
            case (true, false): patterns.append(.suffix(lowered))
            case (false, true): patterns.append(.prefix(lowered))
            case (false, false):
                if core == core.uppercased(), core.contains(where: \.isLetter) {
                    patterns.append(.exact(DutchTokenizer.abbreviations.contains(token) ? token : lowered))
                } else {
                    patterns.append(.stem(stemmer.stem(lowered)))
                }
            }
        }
        return patterns
    }
}

/// A line of a concept lexicon that cannot be read.
public struct ConceptLexiconError: Error, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "concept lexicon line \(self.line): \(self.message)" }
}

/// What the concept lexicon looks at in a word of a document (see `ConceptLexicon.concepts(of:)`).
protocol ConceptLexiconWord {
    /// The word in lower case.
    var lowered: String { get }
    /// Its stem; an abbreviation is its own stem.
    var stem: String { get }
    /// The forms that may start at the word (`ConceptLexicon.formsStarting(token:lowered:stem:)`).
    var formsStarting: [Int] { get }
}
