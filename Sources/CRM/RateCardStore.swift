import Foundation
import FreightdeskCore
import Storage
import Web

/// A rate card as stored: its current version's definition and bookkeeping.
struct StoredRateCard: Sendable, Equatable {
  var id: Identifier
  var version: Int64
  var updatedAt: Instant
  var document: RateCardDocument
}

/// Reads and writes rate cards; every save appends a version.
enum RateCardStore {
  private static let select = """
    SELECT r.id, r.version, r.updated_at, v.definition FROM rate_cards r
    JOIN rate_card_versions v ON v.tenant_id = r.tenant_id AND v.rate_card_id = r.id
      AND v.version = r.version
    """

  /// Every card, by name.
  static func list(_ scope: TenantScope) throws -> [StoredRateCard] {
    try scope.query("\(select) WHERE r.tenant_id = $1 ORDER BY r.name, r.id", []).map(card)
  }

  /// One card, or `not_found`.
  static func load(_ id: Identifier, _ scope: TenantScope) throws -> StoredRateCard {
    guard
      let row = try scope.query(
        "\(select) WHERE r.tenant_id = $1 AND r.id = $2", [.integer(id.rawValue)]
      ).first
    else { throw HTTPError.notFound }
    return try card(row)
  }

  /// Version `version` of card `id` as it was saved, or `not_found`.
  static func version(_ version: Int64, of id: Identifier, _ scope: TenantScope) throws
    -> StoredRateCard
  {
    guard
      let row = try scope.query(
        """
        SELECT rate_card_id AS id, version, saved_at AS updated_at, definition
        FROM rate_card_versions WHERE tenant_id = $1 AND rate_card_id = $2 AND version = $3
        """, [.integer(id.rawValue), .integer(version)]
      ).first
    else { throw HTTPError.notFound }
    return try card(row)
  }

  /// The company's list card ready for the pricing engine, if it has one.
  static func compiledListCard(_ scope: TenantScope) throws -> RateCard? {
    try scope.query("SELECT id, version FROM rate_cards WHERE tenant_id = $1 AND is_list = 1")
      .first.map { try compiled($0, scope) }
  }

  /// The current version of card `id` ready for the pricing engine, or `not_found`.
  static func compiledCard(_ id: Identifier, _ scope: TenantScope) throws -> RateCard {
    guard
      let row = try scope.query(
        "SELECT id, version FROM rate_cards WHERE tenant_id = $1 AND id = $2",
        [.integer(id.rawValue)]
      ).first
    else { throw HTTPError.notFound }
    return try compiled(row, scope)
  }

  /// The card and version `row` names, compiled; its definition is read only the first time
  /// this connection needs that version.
  private static func compiled(_ row: Row, _ scope: TenantScope) throws -> RateCard {
    let id = try row.identifier("id")
    let version = try row.int64("version")
    return try CompiledRateCards.card(id, version: version, scope) {
      try self.version(version, of: id, scope).document
    }
  }

  /// Saves `document` as version 1 of a new card `id`, audited.
  static func insert(
    _ document: RateCardDocument, id: Identifier, by user: Identifier?, at now: Instant,
    audit: AuditContext, _ scope: TenantScope
  ) throws {
    try clearListFlag(document, scope)
    try scope.execute(
      """
      INSERT INTO rate_cards (tenant_id, id, name, is_list, version, created_at, updated_at)
      VALUES ($1, $2, $3, $4, 1, $5, $5)
      """,
      [.integer(id.rawValue), .text(document.name), SQLValue(document.isList), SQLValue(now)])
    try appendVersion(document, of: id, version: 1, by: user, at: now, scope)
    try audit.record(
      entity: "rate_card", id: id, action: "create", after: ["name": document.name], in: scope)
  }

  /// Saves `document` as the next version of `card`, audited.
  static func update(
    _ card: StoredRateCard, to document: RateCardDocument, by user: Identifier?, at now: Instant,
    audit: AuditContext, _ scope: TenantScope
  ) throws {
    try clearListFlag(document, scope)
    let version = card.version + 1
    try scope.execute(
      """
      UPDATE rate_cards SET name = $3, is_list = $4, version = $5, updated_at = $6
      WHERE tenant_id = $1 AND id = $2
      """,
      [
        .integer(card.id.rawValue), .text(document.name), SQLValue(document.isList),
        .integer(version), SQLValue(now),
      ])
    try appendVersion(document, of: card.id, version: version, by: user, at: now, scope)
    try audit.record(
      entity: "rate_card", id: card.id, action: "update",
      before: ["version": String(card.version)],
      after: ["version": String(version), "name": document.name], in: scope)
  }

  private static func clearListFlag(_ document: RateCardDocument, _ scope: TenantScope) throws {
    guard document.isList else { return }
    try scope.execute("UPDATE rate_cards SET is_list = 0 WHERE tenant_id = $1 AND is_list = 1", [])
  }

  private static func appendVersion(
    _ document: RateCardDocument, of id: Identifier, version: Int64, by user: Identifier?,
    at now: Instant, _ scope: TenantScope
  ) throws {
    let definition = try CompactJSONEncoder().text(document)
    try scope.execute(
      """
      INSERT INTO rate_card_versions (tenant_id, rate_card_id, version, definition, saved_at,
        saved_by)
      VALUES ($1, $2, $3, $4, $5, $6)
      """,
      [.integer(id.rawValue), .integer(version), .text(definition), SQLValue(now), SQLValue(user)])
  }

  private static func card(_ row: Row) throws -> StoredRateCard {
    StoredRateCard(
      id: try row.identifier("id"), version: try row.int64("version"),
      updatedAt: try row.instant("updated_at"),
      document: try DecodedRateCards.document(from: try row.string("definition")))
  }
}

/// Rate cards compiled for the pricing engine, by connection, company, card and version. A
/// saved version never changes, so pricing (which needs the list card and the customer's
/// contract card on every price) reads, decodes and compiles each version once per
/// connection. The connection's serial keeps two databases in one process (tests) from
/// sharing a card whose id and version happen to repeat.
enum CompiledRateCards {
  private struct Key: Hashable {
    let connection: Int
    let tenant: TenantID
    let card: Identifier
    let version: Int64
  }

  private static let compiled = BoundedCache<Key, RateCard>(entriesMax: 512)

  /// Version `version` of card `id` as `scope`'s connection last compiled it, or compiled from
  /// the document `load` reads.
  static func card(
    _ id: Identifier, version: Int64, _ scope: TenantScope,
    load: () throws -> RateCardDocument
  ) throws -> RateCard {
    let key = Key(
      connection: scope.connectionSerial, tenant: scope.tenant, card: id, version: version)
    if let known = compiled.value(for: key) { return known }
    let card = try load().rateCard()
    compiled.store(card, for: key)
    return card
  }
}

/// Rate card definitions already decoded, by their stored text. A saved version never changes
/// and the same text always decodes to the same card, so pricing (which reads the list card,
/// the customer's contract card and promotions on every price) decodes each version once.
enum DecodedRateCards {
  private static let decoded = BoundedCache<String, RateCardDocument>(entriesMax: 512)

  /// The card stored as `definition`.
  static func document(from definition: String) throws -> RateCardDocument {
    if let known = decoded.value(for: definition) { return known }
    let document = try JSONDecoder().decode(RateCardDocument.self, from: Data(definition.utf8))
    decoded.store(document, for: definition)
    return document
  }
}
