import FoundationEssentials

/// Parses the headers section of one event-stream message.
enum EventStreamHeaderParser {
    static func parse(_ section: ArraySlice<UInt8>) throws(EventStreamError) -> [EventStreamHeader] {
        var reader = ByteReader(section)
        var headers: [EventStreamHeader] = []
        while !reader.isAtEnd {
            let nameLength = Int(try reader.integer(byteCount: 1))
            guard let name = String(validating: try reader.bytes(nameLength), as: UTF8.self) else { throw .malformedHeader }
            guard !headers.contains(where: { $0.name == name }) else { throw .malformedHeader }
            headers.append(EventStreamHeader(name: name, value: try value(of: try reader.integer(byteCount: 1), from: &reader)))
        }
        return headers
    }

    private static func value(of type: UInt64, from reader: inout ByteReader) throws(EventStreamError) -> EventStreamHeader.Value {
        switch type {
        case 0: return .bool(true)
        case 1: return .bool(false)
        case 2: return .byte(Int8(truncatingIfNeeded: try reader.integer(byteCount: 1)))
        case 3: return .short(Int16(truncatingIfNeeded: try reader.integer(byteCount: 2)))
        case 4: return .integer(Int32(truncatingIfNeeded: try reader.integer(byteCount: 4)))
        case 5: return .long(Int64(bitPattern: try reader.integer(byteCount: 8)))
        case 6: return .bytes(Data(try reader.bytes(Int(try reader.integer(byteCount: 2)))))
        case 7:
            guard let text = String(validating: try reader.bytes(Int(try reader.integer(byteCount: 2))), as: UTF8.self) else {
                throw .malformedHeader
            }
            return .string(text)
        case 8: return .timestamp(Int64(bitPattern: try reader.integer(byteCount: 8)))
        case 9: return .uuid(Data(try reader.bytes(16)))
        default: throw .malformedHeader
        }
    }

    /// Reads big-endian fields off a slice, failing rather than reading past its end.
    private struct ByteReader {
        private var remaining: ArraySlice<UInt8>

        init(_ bytes: ArraySlice<UInt8>) { remaining = bytes }

        var isAtEnd: Bool { remaining.isEmpty }

        mutating func bytes(_ count: Int) throws(EventStreamError) -> ArraySlice<UInt8> {
            guard count <= remaining.count else { throw .malformedHeader }
            defer { remaining = remaining.dropFirst(count) }
            return remaining.prefix(count)
        }

        mutating func integer(byteCount: Int) throws(EventStreamError) -> UInt64 {
            try bytes(byteCount).reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}
