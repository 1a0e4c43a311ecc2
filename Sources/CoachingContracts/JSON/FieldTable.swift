#if canImport(Glibc)
import Glibc
#endif

/// The keys of one contract object: how to recognise them in raw bytes, which
/// are required, which are aliases of another, and which unknown keys are
/// probably misspellings of a known one.
///
/// `Key` is the type's `CodingKeys`, so the JSON names live in one place.
struct FieldTable<Key: CodingKey & CaseIterable & Hashable & Sendable>: Sendable {
    struct Entry: Sendable {
        var key: Key
        var name: String
        /// The bit of the canonical field (aliases share their target's bit).
        var bit: UInt64
        var isAlias: Bool
        var nameStart: Int
        var nameCount: Int
        var firstByte: UInt8
    }

    let entries: [Entry]
    let requiredMask: UInt64
    /// All names back to back, so a lookup compares bytes without building strings.
    private let nameBytes: [UInt8]

    init(required: Set<Key> = [], aliases: [Key: Key] = [:]) {
        let keys = Array(Key.allCases)
        precondition(keys.count <= 64, "a field table holds at most 64 keys")
        var entries: [Entry] = []
        var nameBytes: [UInt8] = []
        for (index, key) in keys.enumerated() {
            let canonical = aliases[key] ?? key
            let canonicalIndex = keys.firstIndex(of: canonical) ?? index
            let utf8 = Array(key.stringValue.utf8)
            entries.append(Entry(key: key, name: key.stringValue, bit: 1 << UInt64(canonicalIndex), isAlias: canonical != key,
                                 nameStart: nameBytes.count, nameCount: utf8.count, firstByte: utf8.first ?? 0))
            nameBytes.append(contentsOf: utf8)
        }
        self.entries = entries
        self.nameBytes = nameBytes
        self.requiredMask = required.reduce(0) { mask, key in
            mask | (entries.first { $0.key == key }?.bit ?? 0)
        }
    }

    /// The entry whose name is exactly these bytes.
    func entry(matching key: UnsafeRawBufferPointer) -> Entry? {
        guard let first = key.first else { return nil }
        return nameBytes.withUnsafeBytes { names -> Entry? in
            for entry in entries where entry.nameCount == key.count && entry.firstByte == first {
                if let base = names.baseAddress, let keyBase = key.baseAddress,
                   memcmp(base + entry.nameStart, keyBase, key.count) == 0 {
                    return entry
                }
            }
            return nil
        }
    }

    /// The entry named `name` (keys that were written with escapes).
    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The known field an unknown key most likely meant: same words, other spelling
    /// (`conversationId`, `ConversationID`, `conversation-id` → `conversation_id`).
    func suggestion(for unknown: String) -> String? {
        let normalized = FieldTable.snakeCase(unknown)
        return entries.first { $0.name == normalized && $0.name != unknown }?.name
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
