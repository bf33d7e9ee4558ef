import SignaalCore
import Testing

@Suite struct TrackingCodeTests {
    @Test func randomCodesHaveTheCanonicalForm() {
        for _ in 0..<100 {
            let code = TrackingCode.random().rawValue
            #expect(code.count == 19)
            #expect([4, 9, 14].allSatisfy { index in Array(code)[index] == "-" })
            #expect(TrackingCode(code)?.rawValue == code)
        }
    }

    /// 80 random bits: sixteen symbols of five bits, every symbol drawn evenly (no position stuck).
    @Test func codesCarryEightyRandomBits() {
        let codes = (0..<2000).map { _ in TrackingCode.random().rawValue.split(separator: "-").joined() }
        #expect(codes.allSatisfy { $0.count == 16 })
        #expect(Set(codes).count == codes.count)
        for position in 0..<16 {
            #expect(Set(codes.map { Array($0)[position] }).count == 32, "position \(position) takes every symbol")
        }
    }

    @Test func codesGivenOutBeforeStillWork() {
        #expect(TrackingCode("K7QM-2XDA")?.rawValue == "K7QM-2XDA")
        #expect(TrackingCode("k7qm2xda9f3btw4n")?.rawValue == "K7QM-2XDA-9F3B-TW4N")
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
