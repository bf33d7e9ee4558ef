/// Turns free text into the terms that describe its topic: tokens in their standard form (Flemish variants and
/// shorthand resolved), without stopwords, stemmed, the field's abbreviations kept whole, and the parts of compounds
/// added when a vocabulary knows them.
public struct TermAnalyzer: Sendable {
    private let tokenizer = DutchTokenizer()
    private let stemmer = DutchStemmer()
    /// Splits compounds into known parts; without one, compounds stay whole.
    public let compoundSplitter: CompoundSplitter?

    public init(compoundSplitter: CompoundSplitter? = nil) {
        self.compoundSplitter = compoundSplitter
    }

    /// Every word of `text` in its standard form, stopwords included: what phrases are matched against.
    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for token in self.tokenizer.tokens(text) {
            // Most tokens are no variant: appended without the array `FlemishVariants.standard` would make.
            if FlemishVariants.standardWords[token] == nil { tokens.append(token) } else { tokens += FlemishVariants.standard(token) }
        }
        return tokens
    }

    /// The terms of `text`, in order, with compound parts following their compound.
    public func terms(_ text: String) -> [String] {
        self.terms(tokens: self.tokens(text))
    }

    /// The terms of already tokenized text (see `tokens(_:)`).
    public func terms(tokens: [String]) -> [String] {
        self.terms(tokens: tokens, stem: self.stemmer.stem) { self.compoundSplitter?.parts(of: $0) ?? [] }
    }

    /// The terms of already tokenized text, stemming with `stem` and splitting compounds with `parts` (for example
    /// memoised versions of the stemmer and the compound splitter).
    public func terms(tokens: [String], stem: (String) -> String, parts: (String) -> [String]) -> [String] {
        tokens.flatMap { self.terms(ofToken: $0, stem: stem, parts: parts) }
    }

    /// The terms one token contributes: itself for an abbreviation, nothing for a stopword, a number or a word of
    /// one or two letters, else its stem and its compound parts.
    public func terms(ofToken token: String, stem: (String) -> String, parts: (String) -> [String]) -> [String] {
        if DutchTokenizer.abbreviations.contains(token) { return [token] }
        guard token.count >= 3, !DutchStopwords.words.contains(token), !token.allSatisfy(\.isNumber) else { return [] }
        return [stem(token)] + parts(token)
    }
}
