import SignaalCore

/// Whole sentences from signal texts, for quotes and for the practitioners' asks a brief gathers.
enum BriefText {
    /// The text's sentences, in order.
    static func split(_ text: String) -> [String] {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var sentences: [String] = []
        var current = ""
        for character in flat {
            current.append(character)
            if ".!?".contains(character) {
                let sentence = current.trimmingWhitespace()
                if !sentence.isEmpty { sentences.append(sentence) }
                current = ""
            }
        }
        let rest = current.trimmingWhitespace()
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// As many whole sentences from the start as fit in `limit` characters; a first sentence longer than that is
    /// cut at a word, with an ellipsis.
    static func sentences(_ text: String, limit: Int) -> String {
        var quote = ""
        for sentence in self.split(text) {
            let next = quote.isEmpty ? sentence : quote + " " + sentence
            guard next.count <= limit else { break }
            quote = next
        }
        return quote.isEmpty ? BriefComposer.excerpt(text, limit: limit) : quote
    }

    /// The sentences in which a practitioner asks for a change ("zou moeten", "pleiten voor", …).
    static func asks(in text: String) -> [String] {
        self.split(text).filter { sentence in
            let lower = sentence.lowercased()
            return self.askMarkers.contains { lower.contains($0) }
        }
    }

    static let askMarkers = [
        "zou moeten", "zouden moeten", "moet er", "moeten er", "vragen om", "vragen dat", "vraag om", "pleiten voor", "pleit voor",
        "stel voor", "stellen voor", "is nodig", "zijn nodig", "het zou helpen", "de oplossing",
    ]
}
