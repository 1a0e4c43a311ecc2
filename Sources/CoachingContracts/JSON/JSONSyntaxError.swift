/// Why a document is not acceptable JSON, and where (byte offset, 1-based line and column).
///
/// Raised by ``ContractReader`` for anything the grammar (RFC 8259) forbids,
/// for invalid UTF-8, and for the parser's structural limits.
package struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable, Equatable {
        case emptyInput = "empty input"
        case unexpectedEnd = "unexpected end of input"
        case unexpectedCharacter = "unexpected character"
        case expectedColon = "expected ':' after an object key"
        case expectedCommaOrEnd = "expected ',' or the end of the container"
        case expectedKey = "expected a string key"
        case invalidLiteral = "invalid literal"
        case invalidNumber = "invalid number"
        case numberTooLong = "number literal too long"
        case invalidEscape = "invalid escape sequence"
        case invalidUnicodeEscape = "invalid \\u escape or lone surrogate"
        case controlCharacterInString = "control character in string"
        case invalidUTF8 = "invalid UTF-8"
        case stringTooLong = "string too long"
        case depthLimitExceeded = "nesting too deep"
        case trailingCharacters = "trailing characters after the document"
    }

    package var kind: Kind
    package var offset: Int
    package var line: Int
    package var column: Int

    package init(kind: Kind, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
    }

    package var description: String {
        "\(kind.rawValue) at line \(line) column \(column)"
    }
}
