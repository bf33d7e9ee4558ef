/// Small charts as inline SVG, drawn in Swift so a brief needs no script and prints as it shows. Colours are
/// presentation attributes (no `style`), so the site's Content-Security-Policy allows them; every label is escaped.
public enum SVGChart {
    /// A horizontal bar per item; a `nil` value (a count below the minimum) is drawn as a short hatched bar
    /// labelled "< minimum".
    /// The label column is as wide as the longest label needs (see ``estimatedWidth(of:fontSize:)``).
    public static func bars(_ items: [(label: String, value: Int?)], title: String, minimum: Int) -> String {
        let rowHeight = 22
        let labelWidth = Self.labelColumnWidth(items.map(\.label), fontSize: Self.barLabelSize)
        let barWidth = 300
        let height = max(1, items.count) * rowHeight + 8
        let largest = max(1, items.compactMap(\.value).max() ?? 1)
        var svg =
            ##"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \##(labelWidth + barWidth + 60) \##(height)" role="img" aria-label="\##(XML.escape(title))">"##
        svg += "<title>\(XML.escape(title))</title>"
        for (row, item) in items.enumerated() {
            let y = row * rowHeight + 4
            let width = item.value.map { max(2, $0 * barWidth / largest) } ?? 6
            svg +=
                ##"<text x="\##(labelWidth - Self.labelGap)" y="\##(y + 15)" text-anchor="end" font-size="\##(Self.barLabelSize)" fill="#1f2933">\##(XML.escape(item.label))</text>"##
            svg +=
                ##"<rect x="\##(labelWidth)" y="\##(y + 3)" width="\##(width)" height="15" fill="\##(item.value == nil ? "#9aa5b1" : "#1d5c8c")"/>"##
            let text = item.value.map(String.init) ?? "< \(minimum)"
            svg += ##"<text x="\##(labelWidth + width + 6)" y="\##(y + 15)" font-size="12" fill="#1f2933">\##(XML.escape(text))</text>"##
        }
        return svg + "</svg>"
    }

    /// Columns for a short series (signals per month), the last one highlighted.
    public static func columns(_ values: [Int?], labels: [String], title: String) -> String {
        let columnWidth = max(34, Int(labels.map { Self.estimatedWidth(of: $0, fontSize: 10) }.max() ?? 0) + 10)
        let chartHeight = 60
        let largest = max(1, values.compactMap { $0 }.max() ?? 1)
        var svg =
            ##"<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 \##(values.count * columnWidth) \##(chartHeight + 18)" role="img" aria-label="\##(XML.escape(title))">"##
        svg += "<title>\(XML.escape(title))</title>"
        for (index, value) in values.enumerated() {
            let height = value.map { max(2, $0 * chartHeight / largest) } ?? 3
            let x = index * columnWidth + 4
            let colour = index == values.count - 1 ? "#1d5c8c" : value == nil ? "#d0d5db" : "#7fa7c7"
            svg +=
                ##"<rect x="\##(x)" y="\##(chartHeight - height)" width="\##(columnWidth - 8)" height="\##(height)" fill="\##(colour)"/>"##
            if index < labels.count {
                svg +=
                    ##"<text x="\##(x + (columnWidth - 8) / 2)" y="\##(chartHeight + 13)" text-anchor="middle" font-size="10" fill="#52606d">\##(XML.escape(labels[index]))</text>"##
            }
        }
        return svg + "</svg>"
    }
}

extension SVGChart {
    /// The font size of a bar's label.
    static let barLabelSize = 12
    /// The room between a label's end and its bar.
    static let labelGap = 6

    /// The width of the label column of a bar chart: the longest label's estimated width and the gap, at least 60.
    static func labelColumnWidth(_ labels: [String], fontSize: Int) -> Int {
        let longest = labels.map { Self.estimatedWidth(of: $0, fontSize: Double(fontSize)) }.max() ?? 0
        return max(60, Int(longest.rounded(.up)) + Self.labelGap)
    }

    /// A generous estimate of the width of `text` in a sans-serif font of `fontSize` (the browser's default sans
    /// serif, Helvetica- or Arial-like): per character a share of the font size by its shape, plus 5 %. Charts
    /// size their label room by it, so that no label is cut off.
    public static func estimatedWidth(of text: String, fontSize: Double) -> Double {
        let ems = text.reduce(0.0) { sum, character in
            sum + Self.emWidth(of: character)
        }
        return ems * fontSize * 1.05
    }

    private static func emWidth(of character: Character) -> Double {
        switch character {
        case " ": 0.28
        case "i", "j", "l", "I", ".", ",", ":", ";", "'", "!", "|": 0.28
        case "f", "t", "r", "(", ")", "-", "/": 0.36
        case "m", "w": 0.86
        case "M", "W": 0.95
        case _ where character.isUppercase: 0.74
        case _ where character.isNumber: 0.56
        default: 0.58
        }
    }
}

/// Escaping for XML and HTML text: content and attribute values.
public enum XML {
    /// Text safe in XML content and attribute values.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
