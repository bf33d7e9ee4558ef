import SignaalCore
import Testing

@Suite struct PostcodeTests {
    @Test(arguments: ["9000", " 3600 ", "1000"])
    func acceptsFourDigits(_ text: String) throws {
        #expect(try #require(Postcode(text)).rawValue == text.trimmingWhitespace())
    }

    @Test(arguments: ["", "900", "90000", "0900", "9ooo", "B-9000", "９０００"])
    func refusesAnythingElse(_ text: String) {
        #expect(Postcode(text) == nil)
    }
}
