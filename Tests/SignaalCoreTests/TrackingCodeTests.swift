import SignaalCore
import Testing

@Suite struct TrackingCodeTests {
    @Test func randomCodesHaveTheCanonicalForm() {
        for _ in 0..<100 {
            let code = TrackingCode.random().rawValue
            #expect(code.count == 9)
            #expect(Array(code)[4] == "-")
            #expect(TrackingCode(code)?.rawValue == code)
        }
    }

    @Test func aCodeTypedByAPersonIsUnderstood() {
        #expect(TrackingCode("k7qm 2xda")?.rawValue == "K7QM-2XDA")
        #expect(TrackingCode("kO1l-2xda")?.rawValue == "K011-2XDA")
    }

    @Test(arguments: ["", "K7QM-2XD", "K7QM-2XDAA", "K7QM-2XU1", "K7QM_2XDA!", "K7QMO2XDL"])
    func refusesMalformedCodes(_ text: String) {
        #expect(TrackingCode(text) == nil)
    }
}
