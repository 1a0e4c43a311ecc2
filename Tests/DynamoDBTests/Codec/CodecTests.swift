import DynamoDB
import Foundation
import Testing

struct Profile: Codable, Equatable {
    var name: String
    var age: Int
    var score: Double
    var balance: Decimal
    var exact: DynamoDBNumber
    var active: Bool
    var avatar: Data
    var tags: [String]
    var labels: StringSet
    var lucky: NumberSet
    var blobs: BinarySet
    var address: Address
    var history: [Address]
    var extras: [String: Int]
    var nickname: String?
    var createdAt: Date

    struct Address: Codable, Equatable {
        var city: String
        var zip: String?
        enum CodingKeys: String, CodingKey { case city, zip }
    }

    enum CodingKeys: String, CodingKey {
        case name, age, score, balance, exact, active, avatar, tags, labels, lucky, blobs, address, history, extras, nickname, createdAt
    }

    static let sample = Profile(
        name: "Ada", age: 36, score: 0.1, balance: Decimal(string: "1234.5678") ?? 0,
        exact: DynamoDBNumber("12345678901234567890.123456789012345678") ?? 0, active: true,
        avatar: Data([0, 1, 2, 255]), tags: ["b", "a", "b"], labels: ["x", "y"], lucky: [7, 13], blobs: [Data([1]), Data([2])],
        address: Address(city: "London", zip: nil), history: [Address(city: "Paris", zip: "75001")],
        extras: ["k": 1], nickname: nil, createdAt: Date(timeIntervalSince1970: 1_700_000_000.123)
    )
}

@Suite("AttributeValue codec")
struct CodecTests {
    @Test("every Swift type maps to its DynamoDB type")
    func mapping() throws {
        let item = try DynamoDBEncoder().encode(Profile.sample)
        #expect(item["name"] == .s("Ada"))
        #expect(item["age"] == .n(36))
        #expect(item["score"] == .n(DynamoDBNumber("0.1")!))
        #expect(item["balance"] == .n(DynamoDBNumber("1234.5678")!))
        #expect(item["exact"] == .n(DynamoDBNumber("12345678901234567890.123456789012345678")!))
        #expect(item["active"] == .bool(true))
        #expect(item["avatar"] == .b(Data([0, 1, 2, 255])))
        #expect(item["tags"] == .l(["b", "a", "b"]), "arrays are lists, duplicates kept")
        #expect(item["labels"] == .ss(["x", "y"]))
        #expect(item["lucky"] == .ns([13, 7]), "number sets sort textually")
        #expect(item["blobs"] == .bs([Data([1]), Data([2])]))
        #expect(item["address"] == .m(["city": "London"]), "nil optionals are omitted")
        #expect(item["history"] == .l([.m(["city": "Paris", "zip": "75001"])]))
        #expect(item["extras"] == .m(["k": 1]))
        #expect(item["nickname"] == nil)
        #expect(item["createdAt"] == .s("2023-11-14T22:13:20.123Z"))
    }

    @Test("encode then decode gives the value back, precision intact")
    func roundTrip() throws {
        let item = try DynamoDBEncoder().encode(Profile.sample)
        let decoded = try DynamoDBDecoder().decode(Profile.self, from: item)
        #expect(decoded.exact.text == "12345678901234567890.123456789012345678")
        #expect(decoded.createdAt.timeIntervalSince1970 == 1_700_000_000.123)
        var expected = Profile.sample
        expected.createdAt = decoded.createdAt
        #expect(decoded == expected)
    }

    @Test("DynamoDB JSON on the wire, and back")
    func wireJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value: AttributeValue = .m([
            "s": "x", "n": .n(DynamoDBNumber("-1.5E+3")!), "b": .b(Data("hi".utf8)), "t": true, "z": .null,
            "l": [1, "a"], "ss": .ss(["a"]), "ns": .ns([1]), "bs": .bs([Data([0xFF])]),
        ])
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(json == #"{"M":{"b":{"B":"aGk="},"bs":{"BS":["/w=="]},"l":{"L":[{"N":"1"},{"S":"a"}]},"n":{"N":"-1.5E+3"},"ns":{"NS":["1"]},"s":{"S":"x"},"ss":{"SS":["a"]},"t":{"BOOL":true},"z":{"NULL":true}}}"#)
        #expect(try JSONDecoder().decode(AttributeValue.self, from: Data(json.utf8)) == value)
    }

    @Test("wire JSON with zero or two type keys, bad numbers or bad base64 is rejected", arguments: [
        #"{}"#, #"{"S":"a","N":"1"}"#, #"{"N":"1.2.3"}"#, #"{"N":"abc"}"#, #"{"B":"***"}"#, #"{"X":"1"}"#,
    ])
    func badWireJSON(_ json: String) {
        #expect(throws: (any Error).self) { try JSONDecoder().decode(AttributeValue.self, from: Data(json.utf8)) }
    }

    @Test("empty sets are rejected with a typed error naming the attribute")
    func emptySet() {
        struct Tagged: Encodable {
            var inner: Inner
            struct Inner: Encodable {
                var tags: StringSet
                enum CodingKeys: String, CodingKey { case tags }
            }
            enum CodingKeys: String, CodingKey { case inner }
        }
        #expect(throws: AttributeValueCodingError.emptySet(path: "inner.tags")) {
            try DynamoDBEncoder().encode(Tagged(inner: .init(tags: [])))
        }
    }

    @Test("hand-made sets with duplicates or nothing fail validation")
    func setValidation() {
        #expect(throws: AttributeValueCodingError.duplicateSetElement(path: "a")) { try ["a": AttributeValue.ss(["x", "x"])].validateItem() }
        #expect(throws: AttributeValueCodingError.emptySet(path: "m.b[1]")) {
            try ["m": AttributeValue.m(["b": .l([.null, .ns([])])])].validateItem()
        }
        #expect(throws: Never.self) { try ["a": AttributeValue.ss(["x", "y"])].validateItem() }
    }

    @Test("NaN and infinity cannot be encoded")
    func nonFinite() {
        struct Measure: Encodable {
            var value: Double
            enum CodingKeys: String, CodingKey { case value }
        }
        #expect(throws: AttributeValueCodingError.nonFiniteNumber(path: "value")) { try DynamoDBEncoder().encode(Measure(value: .nan)) }
        #expect(DynamoDBNumber(Double.infinity) == nil)
    }

    @Test("an item must be a map")
    func notAnItem() {
        #expect(throws: AttributeValueCodingError.notAnItem(found: "L")) { try DynamoDBEncoder().encode([1, 2]) }
        #expect(throws: AttributeValueCodingError.notAnItem(found: "S")) { try DynamoDBEncoder().encode("text") }
    }

    @Test("decoding errors name the attribute path")
    func decodingErrors() {
        #expect(throws: AttributeValueCodingError.typeMismatch(path: "history[0].city", expected: "S", found: "N")) {
            try DynamoDBDecoder().decode(Profile.self, from: try DynamoDBEncoder().encode(Profile.sample).merging(
                ["history": .l([.m(["city": 5])])], uniquingKeysWith: { $1 }))
        }
        #expect(throws: AttributeValueCodingError.keyNotFound(path: "<root>", key: "city")) {
            try DynamoDBDecoder().decode(Profile.Address.self, from: ["zip": "1"])
        }
        #expect(throws: AttributeValueCodingError.typeMismatch(path: "value", expected: "N fitting Int8", found: "N")) {
            struct Small: Decodable {
                var value: Int8
                enum CodingKeys: String, CodingKey { case value }
            }
            _ = try DynamoDBDecoder().decode(Small.self, from: ["value": 300])
        }
    }

    @Test("NULL and missing both decode as nil; explicit encodeNil writes NULL")
    func nulls() throws {
        let address = try DynamoDBDecoder().decode(Profile.Address.self, from: ["city": "Rome", "zip": .null])
        #expect(address.zip == nil)
        struct Explicit: Encodable {
            var note: String?
            enum CodingKeys: String, CodingKey { case note }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(note, forKey: .note)
            }
        }
        #expect(try DynamoDBEncoder().encode(Explicit(note: nil)) == ["note": .null])
    }

    @Test("date strategies: ISO text, epoch seconds (TTL), epoch milliseconds")
    func dates() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.987)
        #expect(try DynamoDBEncoder().encodeAttribute(date) == .s("2023-11-14T22:13:20.987Z"))
        #expect(try DynamoDBEncoder(dateEncodingStrategy: .epochSeconds).encodeAttribute(date) == .n(1_700_000_000))
        #expect(try DynamoDBEncoder(dateEncodingStrategy: .epochMilliseconds).encodeAttribute(date) == .n(1_700_000_000_987))
        #expect(try DynamoDBDecoder().decode(Date.self, fromAttribute: .s("2023-11-14T22:13:20Z")).timeIntervalSince1970 == 1_700_000_000)
        #expect(try DynamoDBDecoder().decode(Date.self, fromAttribute: .s("2023-11-14T23:13:20.5+01:00")).timeIntervalSince1970 == 1_700_000_000.5)
        #expect(try DynamoDBDecoder().decode(Date.self, fromAttribute: .s("2023-11-14T22:13:20.123456Z")).timeIntervalSince1970 == 1_700_000_000.123456)
        #expect(try DynamoDBDecoder().decode(Date.self, fromAttribute: .n(1_700_000_000)).timeIntervalSince1970 == 1_700_000_000)
        #expect(try DynamoDBDecoder(dateDecodingStrategy: .epochMilliseconds).decode(Date.self, fromAttribute: .n(1_700_000_000_500)).timeIntervalSince1970 == 1_700_000_000.5)
        #expect(throws: AttributeValueCodingError.self) { try DynamoDBDecoder().decode(Date.self, fromAttribute: .s("yesterday")) }
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
        #expect(DynamoDBNumber(3.0)?.text == "3")
        #expect(DynamoDBNumber(0.1)?.text == "0.1")
        #expect(try DynamoDBDecoder().decode(UInt64.self, fromAttribute: .n(DynamoDBNumber("18446744073709551615")!)) == UInt64.max)
    }

    @Test("sets decode as sets, and as arrays when the property is an array")
    func setsAsArrays() throws {
        struct Holder: Decodable {
            var names: [String]
            var set: StringSet
            enum CodingKeys: String, CodingKey { case names, set }
        }
        let holder = try DynamoDBDecoder().decode(Holder.self, from: ["names": .ss(["a", "b"]), "set": .ss(["c"])])
        #expect(holder.names == ["a", "b"])
        #expect(holder.set == ["c"])
    }
}
