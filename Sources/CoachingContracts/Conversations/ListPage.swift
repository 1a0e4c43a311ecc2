/// One page of a list: `{"items": [...], "next_cursor": "..."}`; no cursor on the last page.
package struct ListPage<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    package var items: [Item]
    package var nextCursor: String?

    package init(items: [Item], nextCursor: String? = nil) {
        self.items = items
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
