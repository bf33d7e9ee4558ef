import Foundation
import SignaalCore

/// Finds birth dates: a date (`30.04.1981`, `9/4/1988`, `1968-09-30`, `5 februari 2012`) that the text presents as
/// one — after `geboren`, `°` or `geboortedatum`, or in brackets right after a person's name. Other dates (meetings,
/// deadlines) stay.
struct BirthDateDetector {
    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
        "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    ]
    static let cues = ["geboren", "geb.", "geboortedatum", "°", "geb ", "geboortejaar", "dob", "date de naissance", "né le", "née le"]

    /// - Parameter names: The names found in the text: a date in brackets right after one is a birth date.
    func find(in text: TextView, names: [PersonalDataSpan]) -> [PersonalDataSpan] {
        var spans: [PersonalDataSpan] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.isDigit(index), !text.isAlphanumeric(index - 1), let end = Self.date(in: text, at: index) else { continue }
            if self.isAnnounced(text, dateStart: index) || Self.followsName(text, dateStart: index, names: names) {
                spans.append(PersonalDataSpan(kind: .birthDate, start: index, end: end))
            }
            index = end - 1
        }
        return spans
    }

    /// The end of a date starting at `start` with a four-digit year, or `nil`.
    static func date(in text: TextView, at start: Int) -> Int? {
        func number(_ from: Int, maximumLength: Int) -> (value: Int, end: Int)? {
            var end = from
            var value = 0
            while end - from < maximumLength, text.isDigit(end) {
                value = value * 10 + Int(text[end]!.value - 0x30)
                end += 1
            }
            return end > from && !text.isDigit(end) ? (value, end) : nil
        }
        guard let first = number(start, maximumLength: 4) else { return nil }
        let separator = text[first.end]
        if first.end - start == 4, separator == "-",  // 1968-09-30
            let month = number(first.end + 1, maximumLength: 2), text[month.end] == "-",
            let day = number(month.end + 1, maximumLength: 2), (1...12).contains(month.value), (1...31).contains(day.value),
            !text.isAlphanumeric(day.end)
        {
            return day.end
        }
        guard first.end - start <= 2, (1...31).contains(first.value) else { return nil }
        if let separator, "./-".unicodeScalars.contains(separator),  // 30.04.1981, 9/4/1988, 07-09-2007
            let month = number(first.end + 1, maximumLength: 2), text[month.end] == separator,
            let year = number(month.end + 1, maximumLength: 4), year.end - month.end == 5,
            (1...12).contains(month.value), (1900...2100).contains(year.value), !text.isAlphanumeric(year.end)
        {
            return year.end
        }
        if separator == " " {  // 5 februari 2012
            var end = first.end + 1
            while text.isLetter(end) { end += 1 }
            let word = text.string(first.end + 1..<end).lowercased()
            if Self.months.contains(word), text[end] == " ", let year = number(end + 1, maximumLength: 4),
                year.end - end == 5, (1900...2100).contains(year.value), !text.isAlphanumeric(year.end)
            {
                return year.end
            }
        }
        return nil
    }

    /// A birth cue in the same sentence shortly before the date, with no other number in between.
    private func isAnnounced(_ text: TextView, dateStart: Int) -> Bool {
        let context = text.lowercasedContext(before: dateStart, length: 45)
        guard let cue = Self.cues.compactMap({ context.range(of: $0, options: .backwards) }).max(by: { $0.lowerBound < $1.lowerBound })
        else { return false }
        let between = context[cue.upperBound...]
        return !between.contains(where: { $0.isNumber || $0 == "\n" }) && !between.contains(". ")
    }

    /// A date in brackets right after a name: `Ana Ferreira (19/06/1974)`.
    private static func followsName(_ text: TextView, dateStart: Int, names: [PersonalDataSpan]) -> Bool {
        guard text[dateStart - 1] == "(" else { return false }
        var position = dateStart - 2
        while position >= 0, text[position] == " " { position -= 1 }
        return names.contains { $0.end == position + 1 }
    }
}
