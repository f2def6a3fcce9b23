public import FreightdeskCore
import Storage

/// A customer's checked fields, ready to write.
struct ValidCustomer: Sendable {
  var name: String
  var shortName: String
  var nameKey: String
  var creditCode: String?
  var industry: String
  var segmentCode: String?
  var source: String
  var ownerID: Identifier?
  var status: CustomerStatus
  var preferences: TransportPreferences
}

/// The filters of the customer list.
public struct CustomerFilter: Sendable, Equatable {
  /// Only this status.
  public var status: CustomerStatus?
  /// Only this owner's.
  public var ownerID: Identifier?
  /// Only this platform segment.
  public var segmentCode: String?
  /// Only customers with this tag, given by hand or by a rule.
  public var tag: String?
  /// Text in the name, short name or a contact's mobile.
  public var text: String?

  /// A filter; nothing filters nothing.
  public init(
    status: CustomerStatus? = nil, ownerID: Identifier? = nil, segmentCode: String? = nil,
    tag: String? = nil, text: String? = nil
  ) {
    self.status = status
    self.ownerID = ownerID
    self.segmentCode = segmentCode
    self.tag = tag
    self.text = text
  }
}

/// Reads and writes `customers` with their `customer_preferences` and `customer_terms` rows.
enum CustomerStore {
  private static let select = """
    SELECT c.id, c.name, c.short_name, c.credit_code, c.industry, c.segment_code, c.source,
      c.owner_id, c.status, c.created_at, c.updated_at, c.version,
      p.time_windows, p.night_delivery, p.cold_chain, p.receipt_return, p.packaging,
      p.driver_notes, t.settlement, t.billing_day, t.payment_days, t.credit_rating,
      t.credit_limit_fen
    FROM customers c
    JOIN customer_preferences p ON p.tenant_id = c.tenant_id AND p.customer_id = c.id
    JOIN customer_terms t ON t.tenant_id = c.tenant_id AND t.customer_id = c.id
    WHERE c.tenant_id = $1 AND c.merged_into_id IS NULL
    """

  static func insert(
    id: Identifier, _ customer: ValidCustomer, terms: CommercialTerms, at now: Instant,
    _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      INSERT INTO customers (tenant_id, id, name, short_name, name_key, credit_code, industry,
        segment_code, source, owner_id, status, merged_into_id, created_at, updated_at, version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12, $12, 1)
      """,
      [.integer(id.rawValue)] + profileValues(customer) + [.integer(now.epochMilliseconds)])
    let preferences = customer.preferences
    try scope.execute(
      """
      INSERT INTO customer_preferences (tenant_id, customer_id, time_windows, night_delivery,
        cold_chain, receipt_return, packaging, driver_notes)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      """,
      [
        .integer(id.rawValue), .text(preferences.timeWindows),
        SQLValue(preferences.nightDelivery), SQLValue(preferences.coldChain),
        SQLValue(preferences.receiptReturn), .text(preferences.packaging),
        .text(preferences.driverNotes),
      ])
    try scope.execute(
      """
      INSERT INTO customer_terms (tenant_id, customer_id, settlement, billing_day, payment_days,
        credit_rating, credit_limit_fen)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      """, [.integer(id.rawValue)] + termsValues(terms))
  }

  /// Overwrites the profile when the stored version is `version`; throws when it moved on.
  static func update(
    _ id: Identifier, _ customer: ValidCustomer, version: Int64, at now: Instant,
    _ scope: TenantScope
  ) throws {
    let changed = try scope.execute(
      """
      UPDATE customers SET name = $3, short_name = $4, name_key = $5, credit_code = $6,
        industry = $7, segment_code = $8, source = $9, owner_id = $10, status = $11,
        updated_at = $12, version = version + 1
      WHERE tenant_id = $1 AND id = $2 AND version = $13 AND merged_into_id IS NULL
      """,
      [.integer(id.rawValue)] + profileValues(customer) + [
        .integer(now.epochMilliseconds), .integer(version),
      ])
    if changed == 0 {
      _ = try load(id, scope)
      throw CRMError.staleVersion
    }
    try savePreferences(customer.preferences, of: id, scope)
  }

  /// The credit codes of the company's customers, for spotting duplicates in an import.
  static func creditCodes(_ scope: TenantScope) throws -> Set<String> {
    let rows = try scope.query(
      """
      SELECT credit_code FROM customers
      WHERE tenant_id = $1 AND credit_code IS NOT NULL AND merged_into_id IS NULL
      """, [])
    return Set(try rows.compactMap { try $0.optionalString("credit_code") })
  }

  /// Bumps the version of a customer whose related rows changed; when `version` is given,
  /// only from that version.
  static func touch(
    _ id: Identifier, expecting version: Int64?, at now: Instant, _ scope: TenantScope
  ) throws {
    let sql = """
      UPDATE customers SET updated_at = $3, version = version + 1
      WHERE tenant_id = $1 AND id = $2 AND merged_into_id IS NULL
      """
    var parameters: [SQLValue] = [.integer(id.rawValue), .integer(now.epochMilliseconds)]
    if let version { parameters.append(.integer(version)) }
    let changed = try scope.execute(
      version == nil ? sql : sql + " AND version = $4", parameters)
    if changed == 0 {
      _ = try load(id, scope)
      throw CRMError.staleVersion
    }
  }

  static func saveTerms(_ terms: CommercialTerms, of id: Identifier, _ scope: TenantScope) throws {
    try scope.execute(
      """
      UPDATE customer_terms SET settlement = $3, billing_day = $4, payment_days = $5,
        credit_rating = $6, credit_limit_fen = $7
      WHERE tenant_id = $1 AND customer_id = $2
      """, [.integer(id.rawValue)] + termsValues(terms))
  }

  private static func termsValues(_ terms: CommercialTerms) -> [SQLValue] {
    [
      .text(terms.settlement.rawValue), SQLValue(terms.billingDay.map(Int64.init)),
      SQLValue(terms.paymentDays.map(Int64.init)), .text(terms.creditRating.rawValue),
      .integer(terms.creditLimitFen),
    ]
  }

  private static func savePreferences(
    _ preferences: TransportPreferences, of id: Identifier, _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      UPDATE customer_preferences SET time_windows = $3, night_delivery = $4, cold_chain = $5,
        receipt_return = $6, packaging = $7, driver_notes = $8
      WHERE tenant_id = $1 AND customer_id = $2
      """,
      [
        .integer(id.rawValue), .text(preferences.timeWindows),
        SQLValue(preferences.nightDelivery), SQLValue(preferences.coldChain),
        SQLValue(preferences.receiptReturn), .text(preferences.packaging),
        .text(preferences.driverNotes),
      ])
  }

  private static func profileValues(_ customer: ValidCustomer) -> [SQLValue] {
    [
      .text(customer.name), .text(customer.shortName), .text(customer.nameKey),
      SQLValue(customer.creditCode), .text(customer.industry), SQLValue(customer.segmentCode),
      .text(customer.source), SQLValue(customer.ownerID), .text(customer.status.rawValue),
    ]
  }

  static func load(_ id: Identifier, _ scope: TenantScope) throws -> Customer {
    let rows = try scope.query(select + " AND c.id = $2", [.integer(id.rawValue)])
    guard let row = rows.first else { throw CRMError.customerNotFound }
    return try customer(from: row)
  }

  /// The customers `ids` (those not merged away) in the order of `ids`, read in batches.
  static func list(ids: [Identifier], _ scope: TenantScope) throws -> [Customer] {
    var found: [Identifier: Customer] = [:]
    for start in stride(from: 0, to: ids.count, by: idBatchMax) {
      let batch = ids[start..<min(ids.count, start + idBatchMax)]
      let list = (2..<(batch.count + 2)).map { "$\($0)" }.joined(separator: ", ")
      for row in try scope.query(
        select + " AND c.id IN (\(list))", batch.map { .integer($0.rawValue) })
      {
        let customer = try customer(from: row)
        found[customer.id] = customer
      }
    }
    return ids.compactMap { found[$0] }
  }

  /// The most ids one statement of ``list(ids:_:)`` names.
  private static let idBatchMax = 500

  /// Up to `limit` customers matching `filter`, newest first, after the customer `after`.
  static func list(
    _ filter: CustomerFilter, after: Identifier?, limit: Int, _ scope: TenantScope
  ) throws -> [Customer] {
    var sql = select
    var parameters: [SQLValue] = []
    func condition(_ text: String, _ value: SQLValue) {
      parameters.append(value)
      sql += " AND " + text.replacingOccurrences(of: "?", with: "$\(parameters.count + 1)")
    }
    if let status = filter.status { condition("c.status = ?", .text(status.rawValue)) }
    if let owner = filter.ownerID { condition("c.owner_id = ?", .integer(owner.rawValue)) }
    if let segment = filter.segmentCode { condition("c.segment_code = ?", .text(segment)) }
    if let tag = filter.tag {
      condition(
        """
        c.id IN (SELECT g.customer_id FROM customer_tags g WHERE g.tenant_id = $1 AND g.tag = ?
          UNION SELECT a.customer_id FROM customer_automatic_tags a
          WHERE a.tenant_id = $1 AND a.tag = ?)
        """, .text(tag))
    }
    if let text = filter.text.map(likePattern), text != "%%" {
      condition(
        """
        (c.name LIKE ? OR c.short_name LIKE ? OR c.id IN (SELECT k.customer_id
          FROM customer_contacts k WHERE k.tenant_id = $1 AND k.mobile LIKE ?))
        """, .text(text))
    }
    if let after { condition("c.id < ?", .integer(after.rawValue)) }
    sql += " ORDER BY c.id DESC LIMIT \(limit)"
    return try scope.query(sql, parameters).map(customer(from:))
  }

  /// `%text%` with the LIKE wildcards of the text itself removed.
  private static func likePattern(_ text: String) -> String {
    "%" + text.trimmingCharacters(in: .whitespaces).filter { $0 != "%" && $0 != "_" } + "%"
  }

  private static func customer(from row: Row) throws -> Customer {
    Customer(
      id: try row.identifier("id"), name: try row.string("name"),
      shortName: try row.string("short_name"), creditCode: try row.optionalString("credit_code"),
      industry: try row.string("industry"), segmentCode: try row.optionalString("segment_code"),
      source: try row.string("source"), ownerID: try row.optionalIdentifier("owner_id"),
      status: CustomerStatus(rawValue: try row.string("status")) ?? .prospect,
      createdAt: try row.instant("created_at"), updatedAt: try row.instant("updated_at"),
      version: try row.int64("version"),
      preferences: TransportPreferences(
        timeWindows: try row.string("time_windows"), nightDelivery: try row.bool("night_delivery"),
        coldChain: try row.bool("cold_chain"), receiptReturn: try row.bool("receipt_return"),
        packaging: try row.string("packaging"), driverNotes: try row.string("driver_notes")),
      terms: try terms(from: row))
  }

  /// The commercial terms of a row that selected `customer_terms`' columns.
  private static func terms(from row: Row) throws -> CommercialTerms {
    CommercialTerms(
      settlement: Settlement(rawValue: try row.string("settlement")) ?? .prepaid,
      billingDay: try row.optionalInt64("billing_day").map(Int.init),
      paymentDays: try row.optionalInt64("payment_days").map(Int.init),
      creditRating: CreditRating(rawValue: try row.string("credit_rating")) ?? .c,
      creditLimitFen: try row.int64("credit_limit_fen"))
  }

  /// What ordering reads of customer `id`, without its preferences and bookkeeping; nil for
  /// an unknown or merged customer.
  static func orderingFacts(_ id: Identifier, _ scope: TenantScope) throws
    -> CustomerOrderingFacts?
  {
    try scope.query(
      """
      SELECT c.id, c.name, c.short_name, c.segment_code, t.settlement, t.billing_day,
        t.payment_days, t.credit_rating, t.credit_limit_fen
      FROM customers c
      JOIN customer_terms t ON t.tenant_id = c.tenant_id AND t.customer_id = c.id
      WHERE c.tenant_id = $1 AND c.merged_into_id IS NULL AND c.id = $2
      """, [.integer(id.rawValue)]
    ).first.map { row in
      CustomerOrderingFacts(
        id: try row.identifier("id"), name: try row.string("name"),
        shortName: try row.string("short_name"),
        segmentCode: try row.optionalString("segment_code"), terms: try terms(from: row))
    }
  }
}

/// What every order reads of its customer: the names shown, the e-commerce platform segment
/// promotions target, and the commercial terms credit checks and settlement use.
public struct CustomerOrderingFacts: Sendable, Equatable {
  /// The customer.
  public var id: Identifier
  /// The registered name.
  public var name: String
  /// The day-to-day name; may be empty.
  public var shortName: String
  /// The e-commerce platform segment, if any.
  public var segmentCode: String?
  /// Settlement, credit rating and limit.
  public var terms: CommercialTerms

  /// The facts of one customer.
  public init(
    id: Identifier, name: String, shortName: String, segmentCode: String?,
    terms: CommercialTerms
  ) {
    self.id = id
    self.name = name
    self.shortName = shortName
    self.segmentCode = segmentCode
    self.terms = terms
  }
}
