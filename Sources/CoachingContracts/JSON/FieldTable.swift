#if canImport(Glibc)
import Glibc
#endif

/// The keys of one contract object: how to recognise them in raw bytes, which
/// are required, which are aliases of another, and which unknown keys are
/// probably misspellings of a known one.
///
/// `Key` is the type's `CodingKeys`, so the JSON names live in one place. Lookups
/// touch only plain arrays of integers and bytes (no generic values are copied).
struct FieldTable<Key: CodingKey & CaseIterable & Hashable & Sendable>: Sendable {
    let keys: [Key]
    /// The JSON names, in `keys` order (all short enough to be stored inline).
    let names: [String]
    /// The bit of each key's canonical field; aliases share their target's bit.
    let bits: [UInt64]
    let isAlias: [Bool]
    let requiredMask: UInt64
    private let nameStarts: [Int]
    private let nameCounts: [Int]
    /// All names back to back, so a lookup compares bytes without building strings.
    private let nameBytes: [UInt8]

    init(required: Set<Key> = [], aliases: [Key: Key] = [:]) {
        let keys = Array(Key.allCases)
        precondition(keys.count <= 64, "a field table holds at most 64 keys")
        self.keys = keys
        names = keys.map(\.stringValue)
        bits = keys.map { key in 1 << UInt64(keys.firstIndex(of: aliases[key] ?? key) ?? 0) }
        isAlias = keys.map { aliases[$0] != nil }
        var starts: [Int] = [], bytes: [UInt8] = []
        for name in names {
            starts.append(bytes.count)
            bytes.append(contentsOf: name.utf8)
        }
        nameStarts = starts
        nameCounts = names.map(\.utf8.count)
        nameBytes = bytes
        let bits = bits
        requiredMask = keys.indices.reduce(0) { mask, index in required.contains(keys[index]) ? mask | bits[index] : mask }
    }

    /// The index of the key whose name is exactly `key`, trying `guess` first
    /// (senders usually write keys in the declared order).
    func index(matching key: UnsafeBufferPointer<UInt8>, guess: Int) -> Int? {
        guard let keyBase = key.baseAddress else { return nil }
        return nameBytes.withUnsafeBufferPointer { names -> Int? in
            guard let namesBase = names.baseAddress else { return nil }
            let count = nameCounts.count
            var index = guess < count ? guess : 0
            for _ in 0..<count {
                if nameCounts[index] == key.count, memcmp(namesBase + nameStarts[index], keyBase, key.count) == 0 {
                    return index
                }
                index = index + 1 == count ? 0 : index + 1
            }
            return nil
        }
    }

    /// The index of the key named `name` (keys that were written with escapes).
    func index(named name: String) -> Int? {
        names.firstIndex(of: name)
    }

    /// The known field an unknown key most likely meant: same words, other spelling
    /// (`conversationId`, `ConversationID`, `conversation-id` → `conversation_id`).
    func suggestion(for unknown: String) -> String? {
        let normalized = FieldTable.snakeCase(unknown)
        return names.first { $0 == normalized && $0 != unknown }
    }

    static func snakeCase(_ text: String) -> String {
        var result: [UInt8] = []
        var previousWasLower = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLower { result.append(UInt8(ascii: "_")) }
                result.append(byte | 0x20)
                previousWasLower = false
            case UInt8(ascii: "-"), UInt8(ascii: " "):
                result.append(UInt8(ascii: "_"))
                previousWasLower = false
            default:
                result.append(byte)
                previousWasLower = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
