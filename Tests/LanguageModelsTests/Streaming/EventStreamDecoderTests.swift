import Foundation
import LanguageModels
import Testing
import TestSupport

/// The event-stream decoder against botocore's `EventStreamBuffer`
/// (scripts/eventstream_oracle.py): the same messages and the same verdict
/// for every case, however the bytes are split.
@Suite("Event-stream decoding, checked by botocore")
struct EventStreamDecoderTests {
    struct Case: Decodable {
        var name: String
        var bytes: String
        var messages: [Message]
        var error: String?
        var leftover: Bool
    }

    struct Message: Decodable, Equatable {
        var headers: [[Field]]
        var payload: String
    }

    /// botocore prints each header as `[name, {"kind", "value"}]`.
    enum Field: Decodable, Equatable {
        case name(String)
        case value(kind: String, value: String)

        private enum CodingKeys: String, CodingKey { case kind, value }

        init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self = .name(name)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let kind = try container.decode(String.self, forKey: .kind)
            let value = kind == "bool" ? String(try container.decode(Bool.self, forKey: .value)) : try container.decode(String.self, forKey: .value)
            self = .value(kind: kind, value: value)
        }
    }

    static func oracleCases() throws -> [Case] {
        let python = try #require(ExecutableLookup.find("python3"), "python3 with botocore is needed (it is in CI)")
        let script = PackagePaths.root.appendingPathComponent("scripts/eventstream_oracle.py")
        let result = try ProcessRunner.run(URL(fileURLWithPath: python), arguments: [script.path], timeout: 60)
        try #require(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode([Case].self, from: Data(result.standardOutput.utf8))
    }

    /// Our message in botocore's printed form.
    static func printed(_ message: EventStreamMessage) -> Message {
        Message(
            headers: message.headers.map { header in
                let value: Field = switch header.value {
                case .bool(let flag): .value(kind: "bool", value: String(flag))
                case .byte(let number): .value(kind: "int", value: String(number))
                case .short(let number): .value(kind: "int", value: String(number))
                case .integer(let number): .value(kind: "int", value: String(number))
                case .long(let number), .timestamp(let number): .value(kind: "int", value: String(number))
                case .bytes(let data), .uuid(let data): .value(kind: "bytes", value: data.base64EncodedString())
                case .string(let text): .value(kind: "string", value: text)
                }
                return [.name(header.name), value]
            },
            payload: message.payload.base64EncodedString()
        )
    }

    /// Decodes `bytes` fed in `pieces`; the messages before any error, the error, and whether `finish` failed.
    static func decode(_ bytes: [UInt8], splitAt cuts: [Int]) -> (messages: [Message], error: EventStreamError?, unfinished: Bool) {
        var decoder = EventStreamDecoder()
        var messages: [Message] = []
        var start = 0
        for end in cuts + [bytes.count] {
            decoder.append(bytes[start..<end])
            do {
                while let message = try decoder.next() { messages.append(printed(message)) }
            } catch {
                return (messages, error, true)
            }
            start = end
        }
        do {
            try decoder.finish()
            return (messages, nil, false)
        } catch {
            return (messages, nil, true)
        }
    }

    static func expectedError(_ botocoreName: String?) -> [EventStreamError?] {
        switch botocoreName {
        case nil: [nil]
        case "ChecksumMismatch": [.preludeChecksumMismatch, .messageChecksumMismatch]
        case "InvalidHeadersLength": [.headersTooLong]
        case "InvalidPayloadLength": [.payloadTooLong]
        default: [.malformedHeader]
        }
    }

    @Test func agreesWithBotocoreAtEverySplitPoint() throws {
        let cases = try Self.oracleCases()
        #expect(cases.count >= 25)
        for oracle in cases {
            let bytes = [UInt8](try #require(Data(base64Encoded: oracle.bytes)))
            let allowed = Self.expectedError(oracle.error)
            var splits: [[Int]] = (0...bytes.count).map { [$0] }
            splits.append(Array(0...bytes.count))  // byte by byte
            for cuts in splits {
                let (messages, error, unfinished) = Self.decode(bytes, splitAt: cuts)
                #expect(messages == oracle.messages, "\(oracle.name) split at \(cuts.prefix(3)): \(messages.count) messages")
                #expect(allowed.contains(error), "\(oracle.name): \(String(describing: error)), botocore \(oracle.error ?? "none")")
                #expect(unfinished == oracle.leftover, "\(oracle.name) split at \(cuts.prefix(3))")
            }
        }
    }

    @Test func theConverseHeadersAreReadable() throws {
        let oracle = try #require(try Self.oracleCases().first { $0.name == "converse-delta" })
        var decoder = EventStreamDecoder()
        decoder.append(try #require(Data(base64Encoded: oracle.bytes)))
        let message = try #require(try decoder.next())
        #expect(try decoder.next() == nil)
        try decoder.finish()
        #expect(message.string(":event-type") == "contentBlockDelta")
        #expect(message.string(":message-type") == "event")
        #expect(String(decoding: message.payload, as: UTF8.self) == #"{"contentBlockIndex":0,"delta":{"text":"Hi"}}"#)
    }

    @Test func aDecoderThatFailedStaysFailed() throws {
        let oracle = try #require(try Self.oracleCases().first { $0.name == "prelude-crc-wrong" })
        var decoder = EventStreamDecoder()
        decoder.append(try #require(Data(base64Encoded: oracle.bytes)))
        #expect(throws: EventStreamError.preludeChecksumMismatch) { _ = try decoder.next() }
        decoder.append([0])
        #expect(throws: EventStreamError.truncated) { _ = try decoder.next() }
        #expect(throws: EventStreamError.truncated) { try decoder.finish() }
    }
}
