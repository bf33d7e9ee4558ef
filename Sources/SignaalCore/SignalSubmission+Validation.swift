extension SignalSubmission {
    /// Checks every field against the limits and the reference data and locates the postcode.
    ///
    /// Empty text counts as absent. All problems are reported together, decoding problems first.
    public func validated(
        against reference: ReferenceData,
        source: SignalSource,
        today: CalendarDate
    ) -> Result<ValidatedSignal, ValidationFailure> {
        var problems = self.decodingProblems
        func report(_ field: Field, _ code: FieldProblem.Code) {
            problems.append(FieldProblem(field: field.stringValue, code: code))
        }
        func optionalText(_ value: String?, _ field: Field, maximum: Int) -> String? {
            guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return nil }
            if value.hasMoreScalars(than: maximum) { report(field, .tooLong) }
            return value
        }

        let description = self.description?.trimmingWhitespace() ?? ""
        if description.isEmpty {
            report(.description, .required)
        } else if description.hasFewerScalars(than: Limits.descriptionMinimum) {
            report(.description, .tooShort)
        } else if description.hasMoreScalars(than: Limits.descriptionMaximum) {
            report(.description, .tooLong)
        }

        var location: (postcode: Postcode, municipality: Municipality?, region: Region)?
        let postcodeText = self.postcode?.trimmingWhitespace() ?? ""
        if postcodeText.isEmpty {
            report(.postcode, .required)
        } else if let postcode = Postcode(postcodeText) {
            if let found = reference.locate(postcode) {
                location = (postcode, found.municipality, found.region)
            } else {
                report(.postcode, .outsideArea)
            }
        } else {
            report(.postcode, .invalidFormat)
        }

        var themes: [Theme] = []
        for code in self.themes.map({ $0.trimmingWhitespace() }) where !code.isEmpty {
            guard let theme = reference.theme(code: code) else {
                report(.themes, .unknownValue)
                break
            }
            if !themes.contains(theme) { themes.append(theme) }
        }
        if themes.count > Limits.themesMaximum { report(.themes, .tooMany) }

        let targetGroup = optionalText(self.targetGroup, .targetGroup, maximum: Limits.targetGroupMaximum)
        let frequency = optionalText(self.frequency, .frequency, maximum: Limits.frequencyMaximum)

        var observedOn = today
        if let text = self.observedOn?.trimmingWhitespace(), !text.isEmpty {
            if let date = CalendarDate(iso8601: text) {
                let earliest = CalendarDate(year: today.year - Limits.observedOnYearsBack, month: 1, day: 1)!
                if date > today {
                    report(.observedOn, .inFuture)
                } else if date < earliest {
                    report(.observedOn, .tooOld)
                }
                observedOn = date
            } else {
                report(.observedOn, .invalidFormat)
            }
        }

        var policyLevel: PolicyLevel?
        if let code = self.policyLevel?.trimmingWhitespace(), !code.isEmpty {
            policyLevel = reference.policyLevel(code: code)
            if policyLevel == nil { report(.policyLevel, .unknownValue) }
        }

        let suggestion = optionalText(self.suggestion, .suggestion, maximum: Limits.suggestionMaximum)

        let contactEmail = optionalText(self.contactEmail, .contactEmail, maximum: Limits.contactEmailMaximum)
        if let contactEmail, !Self.looksLikeEmailAddress(contactEmail) { report(.contactEmail, .invalidFormat) }

        guard problems.isEmpty, let location else { return .failure(ValidationFailure(problems: problems)) }
        return .success(
            ValidatedSignal(
                description: description,
                postcode: location.postcode,
                municipality: location.municipality,
                region: location.region,
                themes: themes,
                targetGroup: targetGroup,
                frequency: frequency,
                observedOn: observedOn,
                policyLevel: policyLevel,
                suggestion: suggestion,
                contactEmail: contactEmail,
                source: source,
                fingerprint: [
                    description, location.postcode.rawValue, themes.map(\.code).sorted().joined(separator: ","),
                    targetGroup ?? "", frequency ?? "", self.observedOn?.trimmingWhitespace() ?? "",
                    policyLevel?.code ?? "", suggestion ?? "", contactEmail ?? "",
                ].joined(separator: "\u{1F}")
            )
        )
    }

    /// `local@domain.tld` without white space, one `@`, and a domain of dot-separated labels.
    static func looksLikeEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && labels.last!.count >= 2
    }
}

extension String {
    // A scalar takes one to four UTF-8 bytes, and a string knows its UTF-8 length: most texts need no counting.
    fileprivate func hasMoreScalars(than limit: Int) -> Bool {
        self.utf8.count > limit && self.unicodeScalars.count > limit
    }

    fileprivate func hasFewerScalars(than limit: Int) -> Bool {
        self.utf8.count < limit || (self.utf8.count < 4 * limit && self.unicodeScalars.count < limit)
    }
}
