import Foundation
import LanguageModels
import Testing

/// `text/event-stream` parsing: the HTML standard's rules, and the same
/// events however the bytes are split (inside `data:` lines, inside
/// multi-byte UTF-8, between CR and LF).
@Suite struct ServerSentEventParserTests {
    /// An OpenAI-compatible stream, with every line ending, a comment
    /// heartbeat, a byte order mark and characters of 2, 3 and 4 bytes.
    static let stream = "\u{FEFF}: keep-alive\r\n\r\n"
        + #"data: {"choices":[{"delta":{"content":"Caf\u00e9 é"}}]}"# + "\r\n\r\n"
        + #"data: {"choices":[{"delta":{"content":"価値 😀"}}]}"# + "\n\n"
        + "event: usage\rid: 7\rdata: first line\rdata:second line\r\r"
        + "data\n\n"
        + "retry: 100\nunknown: x\ndata:  two spaces\n\n"
        + "id\nevent:\ndata: [DONE]\n\n"
        + "data: never finished"

    static let expected = [
        ServerSentEvent(data: #"{"choices":[{"delta":{"content":"Caf\u00e9 é"}}]}"#),
        ServerSentEvent(data: #"{"choices":[{"delta":{"content":"価値 😀"}}]}"#),
        ServerSentEvent(type: "usage", data: "first line\nsecond line", lastEventID: "7"),
        ServerSentEvent(data: "", lastEventID: "7"),
        ServerSentEvent(data: " two spaces", lastEventID: "7"),
        ServerSentEvent(data: "[DONE]", lastEventID: ""),
    ]

    static func parse(_ bytes: [UInt8], cuts: [Int], maxEventBytes: Int = ServerSentEventParser.defaultMaxEventBytes)
        -> (events: [ServerSentEvent], error: ServerSentEventError?)
    {
        var parser = ServerSentEventParser(maxEventBytes: maxEventBytes)
        var events: [ServerSentEvent] = []
        var start = 0
        for end in cuts + [bytes.count] {
            parser.append(bytes[start..<end])
            start = end
            do {
                while let event = try parser.next() { events.append(event) }
            } catch {
                return (events, error)
            }
        }
        return (events, nil)
    }

    @Test func followsTheStandardsRules() {
        let (events, error) = Self.parse(Array(Self.stream.utf8), cuts: [])
        #expect(error == nil)
        #expect(events == Self.expected)
        #expect(events.last?.isDone == true)
        #expect(events.dropLast().allSatisfy { !$0.isDone })
    }

    @Test func everySplitPointGivesTheSameEvents() {
        let bytes = Array(Self.stream.utf8)
        for cut in 0...bytes.count {
            #expect(Self.parse(bytes, cuts: [cut]).events == Self.expected, "split at byte \(cut)")
        }
        #expect(Self.parse(bytes, cuts: Array(0...bytes.count)).events == Self.expected, "byte by byte")
    }

    @Test func everyPairOfSplitPointsInsideMultiByteCharactersAndCRLF() {
        // Two cuts anywhere in a short stream: inside "😀" (4 bytes), "価" (3), "é" (2) and the CRLFs.
        let sample = "data: é価😀\r\ndata:x\r\n\r\ndata: [DONE]\r\n\r\n"
        let bytes = Array(sample.utf8)
        let expected = [ServerSentEvent(data: "é価😀\nx"), ServerSentEvent(data: "[DONE]")]
        for first in 0...bytes.count {
            for second in first...bytes.count {
                #expect(Self.parse(bytes, cuts: [first, second]).events == expected, "cuts \(first), \(second)")
            }
        }
    }

    @Test func aLoneCarriageReturnAtTheEndOfAPieceIsOneLineEnding() {
        // CR then LF in the next piece is one line ending, not two (which would dispatch early).
        let bytes = Array("data: a\rdata: b\r\n\r\n".utf8)
        #expect(Self.parse(bytes, cuts: [8]).events == [ServerSentEvent(data: "a\nb")])
        #expect(Self.parse(bytes, cuts: [16]).events == [ServerSentEvent(data: "a\nb")])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = Array("data: ".utf8) + [0xFF, 0xC3] + Array("\n\n".utf8)
        #expect(Self.parse(bytes, cuts: []).events == [ServerSentEvent(data: "\u{FFFD}\u{FFFD}")])
    }

    @Test func aLineOrEventOverTheLimitFailsAfterTheEventsBeforeIt() {
        let long = Array(("data: ok\n\ndata: " + String(repeating: "x", count: 100) + "\n\n").utf8)
        let (events, error) = Self.parse(long, cuts: [], maxEventBytes: 64)
        #expect(events == [ServerSentEvent(data: "ok")])
        #expect(error == .eventTooLarge(limit: 64))
        // Many short data lines add up to one event over the limit.
        let lines = Array(String(repeating: "data: 0123456789\n", count: 10).utf8) + Array("\n".utf8)
        #expect(Self.parse(lines, cuts: [], maxEventBytes: 64).error == .eventTooLarge(limit: 64))
        #expect(Self.parse(lines, cuts: [], maxEventBytes: 200).events.count == 1)
    }
}
