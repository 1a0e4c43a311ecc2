import DynamoDB
import Foundation
import Testing

@Suite("AttributeValue and DynamoDBNumber")
struct AttributeValueTests {
    @Test("DynamoDB JSON on the wire, and back")
    func wireJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value: AttributeValue = .m([
            "s": "x", "n": .n(DynamoDBNumber("-1.5E+3")!), "t": true, "z": .null, "l": [1, "a"], "m": ["k": 1],
        ])
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(json == #"{"M":{"l":{"L":[{"N":"1"},{"S":"a"}]},"m":{"M":{"k":{"N":"1"}}},"n":{"N":"-1.5E+3"},"s":{"S":"x"},"t":{"BOOL":true},"z":{"NULL":true}}}"#)
        #expect(try JSONDecoder().decode(AttributeValue.self, from: Data(json.utf8)) == value)
    }

    @Test("wire JSON with zero or two type keys, bad numbers or an unsupported type is rejected", arguments: [
        #"{}"#, #"{"S":"a","N":"1"}"#, #"{"N":"1.2.3"}"#, #"{"N":"abc"}"#, #"{"X":"1"}"#, #"{"SS":["a"]}"#, #"{"B":"aGk="}"#,
    ])
    func badWireJSON(_ json: String) {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(AttributeValue.self, from: Data(json.utf8)) }
    }

    @Test("numbers: validation, integer forms, doubles")
    func numbers() throws {
        for valid in ["0", "-1", "+2", "1.5", ".5", "5.", "1e10", "-1.5E-3", "12345678901234567890123456789012345678"] {
            #expect(DynamoDBNumber(valid) != nil, "\(valid)")
        }
        for invalid in ["", "-", ".", "e5", "1e", "1.2.3", "0x10", "1 ", "NaN", "∞"] {
            #expect(DynamoDBNumber(invalid) == nil, "\(invalid)")
        }
        #expect(DynamoDBNumber("2.0")?.integer(as: Int.self) == 2)
        #expect(DynamoDBNumber("1E+2")?.integer(as: Int.self) == 100)
        #expect(DynamoDBNumber("2.5")?.integer(as: Int.self) == nil)
        #expect(DynamoDBNumber("18446744073709551615")?.integer(as: UInt64.self) == UInt64.max)
        #expect(DynamoDBNumber("300")?.integer(as: Int8.self) == nil)
        #expect(DynamoDBNumber(3.0)?.text == "3")
        #expect(DynamoDBNumber(0.1)?.text == "0.1")
        #expect(DynamoDBNumber(Double.nan) == nil)
        #expect(DynamoDBNumber(Double.infinity) == nil)
    }
}
