import SignaalCore

/// Small reference data written for the tests: three themes, the policy levels, two platforms, four postcodes.
enum Fixtures {
    static let reference = ReferenceData(
        themes: [
            Theme(code: "wonen", name: "Wonen en wooncrisis"),
            Theme(code: "energie-water", name: "Energie en water"),
            Theme(code: "jeugd", name: "Kinderen en jongeren"),
            Theme(code: "werk", name: "Werk en activering"),
        ],
        policyLevels: [PolicyLevel(code: "lokaal", name: "Lokaal"), PolicyLevel(code: "vlaams", name: "Vlaams")],
        regions: [
            Region(code: "oost-vlaanderen", name: "Regionaal Platform Oost-Vlaanderen"),
            Region(code: "brussel", name: "Regionaal Platform Brussel"),
        ],
        municipalitiesByPostcode: [
            Postcode("9000")!: [Municipality(refnisCode: "44021", name: "Gent", regionCode: "oost-vlaanderen")],
            Postcode("1040")!: [
                Municipality(refnisCode: "21004", name: "Brussel", regionCode: "brussel"),
                Municipality(refnisCode: "21005", name: "Etterbeek", regionCode: "brussel"),
            ],
        ]
    )

    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    static let validSubmission = SignalSubmission(
        description: "Budgetmeters sluiten af in de winter.",
        postcode: "9000",
        themes: ["energie-water"],
        targetGroup: "gezinnen met kinderen",
        frequency: "wekelijks",
        observedOn: "2026-11-02",
        policyLevel: "vlaams",
        suggestion: "Minimale levering in de winter",
        contactEmail: "werker@caw.be"
    )
}
