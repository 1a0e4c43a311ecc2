import Foundation
import Testing
import TestSupport
@testable import CoachingContracts

@Suite("Hostile input never crashes")
struct RobustnessTests {
    @Test("Every strict prefix of a valid document is malformed JSON")
    func truncations() throws {
        let bytes = try Array(Fixture.data("pattern-a-request.json"))
        let end = bytes.lastIndex(of: UInt8(ascii: "}")) ?? bytes.count
        for length in 0..<end {
            let result = CoachingRequest.validated(json: Data(bytes[0..<length]))
            guard case .failure(.malformedJSON) = result else {
                Issue.record("prefix of \(length) bytes gave \(result)")
                return
            }
        }
    }

    @Test("Random byte mutations give a typed failure, or a value that round-trips")
    func mutations() throws {
        var generator = SeededRandom(seed: 20_251_001)
        let original = try Array(Fixture.data("pattern-a-request.json"))
        let interesting: [UInt8] = Array(#"{}[]":,\\0123456789eE.-+ntfu"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF]
        var accepted = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0...Int.random(in: 0...3, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: bytes[index] = interesting.randomElement(using: &generator) ?? 0
                case 1: bytes.remove(at: index)
                default: bytes.insert(interesting.randomElement(using: &generator) ?? 0, at: index)
                }
            }
            switch CoachingRequest.validated(json: Data(bytes)) {
            case .success(let request):
                accepted += 1
                #expect(try CoachingRequest.validate(json: encoded(request)) == request)
            case .failure(.invalid(let issues)):
                #expect(!issues.isEmpty)
            case .failure(.malformedJSON), .failure(.tooLarge):
                break
            }
        }
        // Some mutations (inside free text) keep the document valid; most do not.
        #expect(accepted > 0 && accepted < 3_000)
    }
}
