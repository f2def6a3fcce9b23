import Foundation
public import FreightdeskCore

/// What page of a list the client asked for: at most `limit` items after `cursor`.
///
/// Lists page by keyset, not offset: the cursor carries the sort key of the last item seen, so
/// pages stay correct while rows are added and cost the same however deep the client goes.
public struct PageRequest: Sendable, Equatable {
  /// Items wanted, 1...``Limits/pageSizeMax``.
  public var limit: Int
  /// Where the previous page ended, or nil for the first page.
  public var cursor: Cursor?

  /// Creates a page request.
  public init(limit: Int = Limits.pageSizeDefault, cursor: Cursor? = nil) {
    self.limit = limit
    self.cursor = cursor
  }

  /// The integer key the page continues from (see ``Cursor/integerKey()``), or nil for the
  /// first page.
  public func integerKey() throws -> Int64? {
    try cursor?.integerKey()
  }

  /// The id the page continues from, or nil for the first page.
  public func identifierKey() throws -> Identifier? {
    try integerKey().map(Identifier.init(rawValue:))
  }

  /// Reads `limit` and `cursor` from the query string, rejecting values out of range.
  public init(from request: Request) throws {
    var limit = Limits.pageSizeDefault
    if let text = request.queryValue("limit") {
      guard let value = Int(text), (1...Limits.pageSizeMax).contains(value) else {
        throw ValidationFailure(
          pointer: "/query/limit", code: "out_of_range",
          arguments: ["min": "1", "max": String(Limits.pageSizeMax)])
      }
      limit = value
    }
    let cursor = try request.queryValue("cursor").map(Cursor.init(token:))
    self.init(limit: limit, cursor: cursor)
  }
}

/// An opaque position in a sorted list: the sort-key values of the last item of a page,
/// carried as URL-safe base64 of a small JSON array.
public struct Cursor: Sendable, Equatable {
  /// The sort-key values, most significant first (e.g. `[created_at, id]`).
  public var keys: [String]

  /// A cursor after the item with these sort keys.
  public init(keys: [String]) {
    self.keys = keys
  }

  /// Decodes a token from a client; throws `invalid_cursor` for anything we did not issue.
  public init(token: String) throws {
    guard token.count <= 512, let data = Data(base64URL: token),
      let keys = try? JSONDecoder().decode([String].self, from: data), !keys.isEmpty
    else { throw HTTPError.invalidCursor }
    self.keys = keys
  }

  /// The first key as an integer (an id or a sequence number): what keyset pages over
  /// numbered rows carry; anything else is `invalid_cursor`.
  public func integerKey() throws -> Int64 {
    guard let value = Int64(keys[0]) else { throw HTTPError.invalidCursor }
    return value
  }

  /// The token handed to the client.
  public var token: String {
    Data((try? CompactJSONEncoder().encode(keys)) ?? []).base64URLEncoded
  }
}

/// One page of a list as the API returns it: `{"items": [...], "next_cursor": "..."}`.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
  /// The items of this page.
  public var items: [Item]
  /// The cursor for the next page, or nil on the last page.
  public var nextCursor: String?

  enum CodingKeys: String, CodingKey {
    case items
    case nextCursor = "next_cursor"
  }

  /// Builds a page from up to `limit + 1` fetched items: the extra one only tells that
  /// another page exists, and `cursor(for:)` gives the position after the last item shown.
  public init(fetched: [Item], limit: Int, cursor: (Item) -> Cursor) {
    let hasMore = fetched.count > limit
    items = Array(fetched.prefix(limit))
    nextCursor = hasMore ? items.last.map { cursor($0).token } : nil
  }
}
