import FoundationEssentials

/// One message of an `application/vnd.amazon.eventstream` body (Bedrock
/// `ConverseStream`): typed headers and a payload.
package struct EventStreamMessage: Sendable, Equatable {
    package var headers: [EventStreamHeader]
    package var payload: Data

    package init(headers: [EventStreamHeader], payload: Data) {
        self.headers = headers
        self.payload = payload
    }

    /// The value of the header `name`, such as `:event-type`.
    package subscript(header name: String) -> EventStreamHeader.Value? {
        headers.first { $0.name == name }?.value
    }

    /// The string value of the header `name`, when it is a string.
    package func string(_ name: String) -> String? {
        if case .string(let text) = self[header: name] { return text }
        return nil
    }
}

/// A typed header of an event-stream message.
package struct EventStreamHeader: Sendable, Equatable {
    package var name: String
    package var value: Value

    package init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// The ten header value types of the format, by their wire type number.
    package enum Value: Sendable, Equatable {
        case bool(Bool)              // 0 true, 1 false
        case byte(Int8)              // 2
        case short(Int16)            // 3
        case integer(Int32)          // 4
        case long(Int64)             // 5
        case bytes(Data)             // 6
        case string(String)          // 7
        case timestamp(Int64)        // 8, milliseconds since the epoch
        case uuid(Data)              // 9, 16 bytes
    }
}
