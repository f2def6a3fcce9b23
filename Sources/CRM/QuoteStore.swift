import Foundation
import FreightdeskCore
import Storage
import Web

/// Reads and writes quotes; the request and the frozen price are kept as JSON.
enum QuoteStore {
  private static let columns = """
    SELECT id, number, inquiry_id, customer_id, request, breakdown, valid_through, status,
      created_at FROM quotes
    """

  /// Quotes older than `before`, latest first, at most `limit`.
  static func list(before: Identifier?, limit: Int, _ scope: TenantScope) throws -> [Quote] {
    try scope.query(
      "\(columns) WHERE tenant_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3",
      [.integer(before?.rawValue ?? .max), .integer(Int64(limit))]
    ).map(quote)
  }

  /// The quotes answering inquiry `inquiry`, latest first.
  static func list(forInquiry inquiry: Identifier, _ scope: TenantScope) throws -> [Quote] {
    try scope.query(
      "\(columns) WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY id DESC",
      [.integer(inquiry.rawValue)]
    ).map(quote)
  }

  /// The ids of open quotes whose last valid day is before `day`.
  static func overdue(on day: CivilDate, _ scope: TenantScope) throws -> [Identifier] {
    try scope.query(
      """
      SELECT id FROM quotes WHERE tenant_id = $1 AND status = 'open' AND valid_through < $2
      ORDER BY id
      """, [.text(day.description)]
    ).map { try $0.identifier("id") }
  }

  /// One quote, or `not_found`.
  static func load(_ id: Identifier, _ scope: TenantScope) throws -> Quote {
    guard
      let row = try scope.query(
        "\(columns) WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw HTTPError.notFound }
    return try quote(row)
  }

  /// Saves a new quote made by `user`.
  static func insert(_ quote: Quote, by user: Identifier, _ scope: TenantScope) throws {
    try scope.execute(
      """
      INSERT INTO quotes (tenant_id, id, number, inquiry_id, customer_id, request, breakdown,
        total_fen, currency, valid_through, status, created_at, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
      """,
      [
        .integer(quote.id.rawValue), .text(quote.number), SQLValue(quote.inquiryID),
        SQLValue(quote.customerID), .text(try json(quote.request)), .text(try json(quote.price)),
        .integer(quote.price.totalFen), .text(quote.price.currency),
        .text(quote.lifecycle.validThrough.description), .text(quote.lifecycle.status.rawValue),
        SQLValue(quote.createdAt), SQLValue(user),
      ])
  }

  /// Stores a decided status.
  static func saveStatus(
    _ id: Identifier, _ status: QuoteStatus, at now: Instant, _ scope: TenantScope
  ) throws {
    try scope.execute(
      "UPDATE quotes SET status = $3, decided_at = $4 WHERE tenant_id = $1 AND id = $2",
      [.integer(id.rawValue), .text(status.rawValue), SQLValue(now)])
  }

  /// `value` as compact JSON text.
  static func json(_ value: some Encodable) throws -> String {
    try CompactJSONEncoder().text(value)
  }

  private static func quote(_ row: Row) throws -> Quote {
    let decoder = JSONDecoder()
    return Quote(
      id: try row.identifier("id"), number: try row.string("number"),
      inquiryID: try row.optionalIdentifier("inquiry_id"),
      customerID: try row.optionalIdentifier("customer_id"),
      request: try decoder.decode(
        PricingRequestBody.self, from: Data(try row.string("request").utf8)),
      price: try decoder.decode(PriceView.self, from: Data(try row.string("breakdown").utf8)),
      lifecycle: QuoteLifecycle(
        status: try row.code("status", as: QuoteStatus.self),
        validThrough: try row.calendarDay("valid_through")),
      createdAt: try row.instant("created_at"))
  }
}
