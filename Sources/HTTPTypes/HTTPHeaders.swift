/// An ordered list of HTTP header fields with case-insensitive lookup.
///
/// Order is kept because some consumers (SigV4 signing, tests asserting on the
/// wire) care about it; lookups compare names ASCII case-insensitively, as
/// HTTP requires.
package struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    package typealias Field = (name: String, value: String)

    private var storage: [Field]

    package init() { storage = [] }

    package init(_ fields: [(String, String)]) {
        storage = fields.map { (name: $0.0, value: $0.1) }
    }

    package init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value for `name`, compared case-insensitively.
    package subscript(name: String) -> String? {
        // By index: iterating the fields by value would retain and release both strings of each.
        for index in storage.indices where storage[index].name.equalsIgnoringASCIICase(name) {
            return storage[index].value
        }
        return nil
    }

    /// Every value for `name`, in order.
    package func values(for name: String) -> [String] {
        storage.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    /// Appends a field, keeping any existing one of the same name.
    package mutating func add(name: String, value: String) {
        storage.append((name: name, value: value))
    }

    /// Replaces every field named `name` with a single one.
    package mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        storage.append((name: name, value: value))
    }

    package mutating func remove(name: String) {
        storage.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// Removes every field, keeping the storage for reuse.
    package mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    package var count: Int { storage.count }
    package var isEmpty: Bool { storage.isEmpty }

    package func makeIterator() -> IndexingIterator<[Field]> { storage.makeIterator() }

    package static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.storage.count == rhs.storage.count
            && zip(lhs.storage, rhs.storage).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

extension String {
    /// ASCII case-insensitive equality, the comparison HTTP field names use.
    @inlinable
    package func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // Compared on contiguous UTF-8 (free for native strings), not through two UTF8View iterators.
        var lhs = self, rhs = other
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                for index in 0..<a.count where a[index] != b[index] {
                    let lowerA = (a[index] >= 65 && a[index] <= 90) ? a[index] | 0x20 : a[index]
                    let lowerB = (b[index] >= 65 && b[index] <= 90) ? b[index] | 0x20 : b[index]
                    if lowerA != lowerB { return false }
                }
                return true
            }
        }
    }
}
