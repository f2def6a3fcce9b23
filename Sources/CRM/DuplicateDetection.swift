import Foundation
public import FreightdeskCore
import Storage

/// A customer that may be the same company as another.
public struct DuplicateCandidate: Codable, Sendable, Equatable {
  /// The existing customer's id.
  public var id: Identifier
  /// Its registered name.
  public var name: String

  /// A candidate.
  public init(id: Identifier, name: String) {
    self.id = id
    self.name = name
  }
}

/// How two customers are recognised as the same company: the same credit code, a contact with
/// the same mobile number, or a similar name (equal, or one containing the other, once legal
/// forms, a leading province or city, spaces and punctuation are left out).
public enum DuplicateDetection {
  private static let legalForms = [
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "商行", "经营部",
  ]

  /// The comparable core of a company name: `上海市 云舟电商（集团）有限公司` → `云舟电商`.
  public static func nameKey(_ name: String) -> String {
    var key = name.lowercased().filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol }
    if let place = leadingPlaceLength(key), place < key.count {
      key.removeFirst(place)
    }
    var removed = true
    while removed {
      removed = false
      for form in legalForms where key.hasSuffix(form) && key.count > form.count {
        key.removeLast(form.count)
        removed = true
      }
    }
    return key
  }

  /// The length of a leading province or city (two or three characters, then 省 or 市), as
  /// `^[^省市]{2,3}[省市]` would match it, or nil; plain code because a regex is compiled on
  /// every call, which dominated the import of big files.
  static func leadingPlaceLength(_ key: String) -> Int? {
    let head = Array(key.prefix(4))
    let isPlace: (Character) -> Bool = { $0 == "省" || $0 == "市" }
    for length in [3, 2] where head.count > length {
      if !head[0..<length].contains(where: isPlace) && isPlace(head[length]) { return length + 1 }
    }
    return nil
  }

  /// Existing customers that look like a new one with these fields (not `excluding`).
  static func candidates(
    name: String, creditCode: String?, mobile: String?, excluding: Identifier? = nil,
    _ scope: TenantScope
  ) throws -> [DuplicateCandidate] {
    let key = nameKey(name)
    let rows = try scope.query(
      """
      SELECT c.id, c.name, c.name_key FROM customers c
      WHERE c.tenant_id = $1 AND c.merged_into_id IS NULL AND c.id <> $2
        AND (c.credit_code = $3 OR c.name_key = $4 OR c.name_key LIKE $5
          OR c.id IN (SELECT k.customer_id FROM customer_contacts k
            WHERE k.tenant_id = $1 AND k.mobile = $6))
      ORDER BY c.id LIMIT 20
      """,
      [
        .integer(excluding?.rawValue ?? 0), SQLValue(creditCode), .text(key),
        key.count >= 2 ? .text("%\(key)%") : .null, SQLValue(mobile),
      ])
    var found = try rows.map {
      DuplicateCandidate(id: try $0.identifier("id"), name: try $0.string("name"))
    }
    if key.count >= 2 {
      let containing = try scope.query(
        """
        SELECT c.id, c.name, c.name_key FROM customers c
        WHERE c.tenant_id = $1 AND c.merged_into_id IS NULL AND c.id <> $2
          AND length(c.name_key) >= 2 AND length(c.name_key) < $3
        ORDER BY c.id
        """, [.integer(excluding?.rawValue ?? 0), .integer(Int64(key.count))])
      for row in containing where key.contains(try row.string("name_key")) {
        let candidate = DuplicateCandidate(
          id: try row.identifier("id"), name: try row.string("name"))
        if !found.contains(candidate) { found.append(candidate) }
      }
    }
    return found
  }
}
