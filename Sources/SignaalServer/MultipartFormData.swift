import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578): what an HTML form with a file field sends.
struct MultipartFormData {
    struct Part {
        let name: String
        let filename: String?
        let data: Data
    }

    let parts: [Part]

    /// Parses `body` with the boundary of `contentType`; `nil` when it is not multipart/form-data.
    init?(contentType: String, body: Data) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundaryParameter = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        let boundary = "--" + boundaryParameter.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let delimiter = Data(boundary.utf8)
        var parts: [Part] = []
        var position = body.startIndex
        while let start = body.range(of: delimiter, in: position..<body.endIndex) {
            var contentStart = start.upperBound
            // "--" after the boundary ends the body.
            if body[contentStart...].starts(with: Data("--".utf8)) { break }
            if body[contentStart...].starts(with: Data("\r\n".utf8)) { contentStart += 2 }
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: contentStart..<body.endIndex),
                let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: contentStart..<next.lowerBound)
            else { break }
            let headers = String(decoding: body[contentStart..<headerEnd.lowerBound], as: UTF8.self)
            if let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = Self.parameter("name", in: String(disposition))
            {
                parts.append(
                    Part(
                        name: name, filename: Self.parameter("filename", in: String(disposition)),
                        data: Data(body[headerEnd.upperBound..<next.lowerBound])))
            }
            position = next.lowerBound + 2
        }
        self.parts = parts
    }

    /// The part named `name`.
    func part(_ name: String) -> Part? { self.parts.first { $0.name == name } }

    private static func parameter(_ name: String, in header: String) -> String? {
        for item in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where item.hasPrefix(name + "=") {
            return String(item.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
