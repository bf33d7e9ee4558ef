import SignaalCluster
import SignaalCore
import SignaalIntake
import Testing

@Suite struct SignalIntakeTests {
    let intake: SignalIntake

    init() throws {
        self.intake = SignalIntake(reference: Fixtures.reference, themeModel: try ThemeClassifier.standardModel())
    }

    func problems(_ submission: SignalSubmission) -> [FieldProblem] {
        guard case .failure(let failure) = self.intake.prepare(submission, source: .form, today: Fixtures.today) else {
            return []
        }
        return failure.problems
    }

    @Test func aCompleteSubmissionIsLocatedAndKept() throws {
        let signal = try self.intake.prepare(Fixtures.validSubmission, source: .api, today: Fixtures.today).get().signal
        #expect(signal.municipality?.name == "Gent")
        #expect(signal.region.code == "oost-vlaanderen")
        #expect(signal.themes.map(\.code) == ["energie-water"])
        #expect(signal.observedOn == CalendarDate(year: 2026, month: 11, day: 2))
        #expect(signal.policyLevel?.code == "vlaams")
        #expect(signal.contactEmail == "werker@caw.be")
        #expect(signal.source == .api)
    }

    @Test func onlyDescriptionAndPostcodeAreRequiredAndTheDateDefaultsToToday() throws {
        let signal = try self.intake.prepare(
            SignalSubmission(description: "Wachtlijsten voor sociale woningen.", postcode: "1040"),
            source: .form, today: Fixtures.today
        ).get().signal
        #expect(signal.observedOn == Fixtures.today)
        #expect(signal.municipality == nil)  // 1040 covers Brussel and Etterbeek
        #expect(signal.region.code == "brussel")
        #expect(signal.themes.isEmpty)
    }

    @Test func everyProblemIsReportedAtOnceInFieldOrder() {
        let problems = self.problems(
            SignalSubmission(
                description: " ", postcode: "4000", themes: ["onbekend"], observedOn: "2026-12-01",
                policyLevel: "gemeentelijk", contactEmail: "geen-adres")
        )
        #expect(
            problems == [
                FieldProblem(field: "description", code: .required),
                FieldProblem(field: "postcode", code: .outsideArea),
                FieldProblem(field: "themes", code: .unknownValue),
                FieldProblem(field: "observed_on", code: .inFuture),
                FieldProblem(field: "policy_level", code: .unknownValue),
                FieldProblem(field: "contact_email", code: .invalidFormat),
            ])
    }

    @Test(arguments: [
        (SignalSubmission(description: "te kort", postcode: "9000"), FieldProblem(field: "description", code: .tooShort)),
        (
            SignalSubmission(description: String(repeating: "é", count: 4001), postcode: "9000"),
            FieldProblem(field: "description", code: .tooLong)
        ),
        (
            SignalSubmission(description: "Een geldige beschrijving", postcode: "90 00"),
            FieldProblem(field: "postcode", code: .invalidFormat)
        ),
        (SignalSubmission(description: "Een geldige beschrijving"), FieldProblem(field: "postcode", code: .required)),
        (
            SignalSubmission(
                description: "Een geldige beschrijving", postcode: "9000", themes: ["wonen", "jeugd", "werk", "energie-water"]),
            FieldProblem(field: "themes", code: .tooMany)
        ),
        (
            SignalSubmission(description: "Een geldige beschrijving", postcode: "9000", observedOn: "02/11/2026"),
            FieldProblem(field: "observed_on", code: .invalidFormat)
        ),
        (
            SignalSubmission(description: "Een geldige beschrijving", postcode: "9000", observedOn: "2020-12-31"),
            FieldProblem(field: "observed_on", code: .tooOld)
        ),
        (
            SignalSubmission(description: "Een geldige beschrijving", postcode: "9000", targetGroup: String(repeating: "x", count: 201)),
            FieldProblem(field: "target_group", code: .tooLong)
        ),
        (
            SignalSubmission(description: "Een geldige beschrijving", postcode: "9000", contactEmail: "a@b"),
            FieldProblem(field: "contact_email", code: .invalidFormat)
        ),
    ])
    func reportsTheFieldAndWhatIsWrong(_ submission: SignalSubmission, _ expected: FieldProblem) {
        #expect(self.problems(submission) == [expected])
    }

    @Test func freeTextIsCleanedBeforeItIsChecked() throws {
        let signal = try self.intake.prepare(
            SignalSubmission(description: "  Lijn één\r\nLijn twee\u{0000}\u{200B}  ", postcode: "9000", suggestion: "\t"),
            source: .form, today: Fixtures.today
        ).get().signal
        #expect(signal.description == "Lijn één\nLijn twee")
        #expect(signal.suggestion == nil)
    }

    @Test func repeatedThemesCountOnce() throws {
        let signal = try self.intake.prepare(
            SignalSubmission(description: "Een geldige beschrijving", postcode: "9000", themes: ["wonen", "wonen", " "]),
            source: .form, today: Fixtures.today
        ).get().signal
        #expect(signal.themes.map(\.code) == ["wonen"])
    }
}
