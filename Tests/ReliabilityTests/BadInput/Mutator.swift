import Foundation
import TestSupport

/// Mutates valid JSON documents into hostile ones: bit flips, odd bytes,
/// deletions, truncation, duplication, type swaps, deep nesting, long
/// strings and splices of other documents. Deterministic for a seed.
struct Mutator {
    var random: SeededRandom
    let seeds: [[UInt8]]

    static let interestingBytes: [UInt8] = Array(#"{}[]":,\\0123456789eE.-+ntfuN"#.utf8)
        + [0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF]

    /// Values of every JSON type, and some that only look like JSON.
    static let replacementValues: [String] = [
        "null", "true", "false", "0", "-0", "1e999", "-1e-999", "123456789012345678901234567890", "NaN", "Infinity",
        #""""#, #"" ""#, #""\udc80""#, #""\ud83d""#, #""\u0000""#, #""</business_context>""#, #""../../etc/passwd""#,
        "[]", "{}", "[null]", #"{"id":null}"#, #"["a",1,true,{}]"#, #""\u202Eevil""#, #""\uFEFF""#,
    ]

    init(seed: UInt64, seeds: [[UInt8]]) {
        random = SeededRandom(seed: seed)
        self.seeds = seeds
    }

    /// A mutation of `original`: one to three operations.
    mutating func mutate(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            bytes = apply(Int.random(in: 0...10, using: &random), to: bytes)
        }
        return bytes
    }

    private mutating func apply(_ operation: Int, to bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return Array("{}".utf8) }
        var bytes = bytes
        let index = Int.random(in: 0..<bytes.count, using: &random)
        switch operation {
        case 0:
            bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
        case 1:
            bytes[index] = Self.interestingBytes.randomElement(using: &random) ?? 0
        case 2:
            bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...16, using: &random)))
        case 3:
            bytes.removeSubrange(index...)
        case 4:
            let end = min(bytes.count, index + Int.random(in: 1...64, using: &random))
            bytes.insert(contentsOf: bytes[index..<end], at: end)
        case 5, 6:
            bytes = swapValue(in: bytes)
        case 7:
            let depth = Int.random(in: 1...300, using: &random)
            let open = random.chance(0.5) ? Array(#"{"k":"#.utf8) : [UInt8(ascii: "[")]
            let close: [UInt8] = open.count > 1 ? [UInt8(ascii: "}")] : [UInt8(ascii: "]")]
            bytes = Array(repeating: open, count: depth).flatMap { $0 } + bytes + Array(repeating: close, count: depth).flatMap { $0 }
        case 8:
            let length = [10, 300, 4_001, 70_000][Int.random(in: 0...3, using: &random)]
            bytes = replaceValue(in: bytes, with: Array("\"\(String(repeating: "ü", count: length))\"".utf8))
        case 9:
            if let other = seeds.randomElement(using: &random), !other.isEmpty {
                let start = Int.random(in: 0..<other.count, using: &random)
                let end = min(other.count, start + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: other[start..<end], at: index)
            }
        default:
            bytes.insert(Self.interestingBytes.randomElement(using: &random) ?? 0, at: index)
        }
        return bytes
    }

    /// Replaces one member's value with a value of another type.
    private mutating func swapValue(in bytes: [UInt8]) -> [UInt8] {
        let replacement = Self.replacementValues.randomElement(using: &random) ?? "null"
        return replaceValue(in: bytes, with: Array(replacement.utf8))
    }

    /// Replaces the scalar value after a random `:` (up to the next `,` or `}`) with `value`.
    private mutating func replaceValue(in bytes: [UInt8], with value: [UInt8]) -> [UInt8] {
        let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
        guard let colon = colons.randomElement(using: &random) else { return bytes }
        var end = colon + 1
        var inString = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") && bytes[end - 1] != UInt8(ascii: "\\") { inString.toggle() }
            if !inString && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")) { break }
            end += 1
        }
        var result = Array(bytes[...colon])
        result += value
        result += bytes[end...]
        return result
    }
}
