import FreightdeskCore
import Web

/// Keyset paging of the commercial lists: newest first, the cursor holding the last id shown.
enum CommercialPaging {
  /// The query parameters every paged list reads.
  static let parameters: [Web.Operation.QueryParameter] = [
    .init("limit", "Items per page (1-200)", type: "integer"),
    .init("cursor", "The next_cursor of the previous page"),
  ]

  /// The id the page starts below, from its cursor; nil for the first page.
  static func before(_ page: PageRequest) throws -> Identifier? {
    try page.identifierKey()
  }
}
