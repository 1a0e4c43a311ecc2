extension String {
    /// The string without leading and trailing white space and line breaks.
    package func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    /// The text without leading and trailing white space and line breaks.
    package func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
