extension AttributeValue {
    /// Checks the rules DynamoDB enforces on sets (non-empty, no
    /// duplicates) and on numbers, everywhere inside this value, so that
    /// bad input fails here with a typed error instead of a round trip.
    package func validate(path: String = "<root>") throws(AttributeValueCodingError) {
        switch self {
        case .s, .b, .bool, .null:
            return
        case .n(let number):
            guard DynamoDBNumber.isValid(number.text) else { throw .invalidNumber(path: path) }
        case .m(let map):
            for (name, value) in map { try value.validate(path: path == "<root>" ? name : "\(path).\(name)") }
        case .l(let list):
            for (index, value) in list.enumerated() { try value.validate(path: "\(path)[\(index)]") }
        case .ss(let values):
            try Self.validateSet(values, path: path)
        case .ns(let values):
            try Self.validateSet(values, path: path)
        case .bs(let values):
            try Self.validateSet(values, path: path)
        }
    }

    private static func validateSet<Element: Hashable>(_ values: [Element], path: String) throws(AttributeValueCodingError) {
        guard !values.isEmpty else { throw .emptySet(path: path) }
        guard Set(values).count == values.count else { throw .duplicateSetElement(path: path) }
    }
}

extension Dictionary where Key == String, Value == AttributeValue {
    /// ``AttributeValue/validate(path:)`` for every attribute of an item.
    package func validateItem() throws(AttributeValueCodingError) {
        try AttributeValue.m(self).validate()
    }
}
