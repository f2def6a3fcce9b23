import Foundation
import FreightdeskCore
import Storage

/// Reads and writes `orders` and `order_cargo_lines`; every statement is tenant-scoped.
enum OrderStore {
  static let columns = """
    id, waybill, customer_id, contact_name, service_type, status, exception_reason, stops,
    services, settlement, price, price_frozen, quote_number, source, notes, eta, delivered_at,
    created_at, updated_at, version
    """

  /// Inserts a new order with its cargo lines.
  static func insert(
    _ order: Order, by user: Identifier?, nightHours: Bool, encoded: EncodedContent? = nil,
    _ scope: TenantScope
  ) throws {
    try scope.execute(
      """
      INSERT INTO orders (tenant_id, id, waybill, customer_id, contact_name, service_type,
        status, exception_reason, stops, services, settlement, price, total_fen, promotion_code,
        price_frozen, quote_number, source, notes, is_urgent, is_night, due_at, eta,
        delivered_at, consignee_phone, weight_grams, volume_cm3, created_by, created_at,
        updated_at, version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
        $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)
      """,
      [
        .integer(order.id.rawValue), .text(order.waybill), .integer(order.customerID.rawValue),
      ] + contentValues(order, nightHours: nightHours, encoded: encoded) + [
        user.map { .integer($0.rawValue) } ?? .null,
        .integer(order.createdAt.epochMilliseconds), .integer(order.updatedAt.epochMilliseconds),
        .integer(order.version),
      ])
    try insertCargo(order.cargo, of: order.id, scope)
  }

  /// An order's stops and price as their stored JSON, encoded ahead of the write: a new
  /// order's are known once it is checked and priced, and encoding them outside the write
  /// keeps that work off SQLite's single writer.
  struct EncodedContent: Sendable {
    /// The stops column.
    let stops: String
    /// The price column.
    let price: String

    /// The columns of `stops` and `price`.
    init(stops: [OrderStop], price: OrderPrice) {
      self.stops = json(stops)
      self.price = json(price)
    }
  }

  /// The values of the changeable columns, from `contact_name` to `volume_cm3`, in the order
  /// of the insert, which an update writes too; `encoded`, when given, holds the order's stops
  /// and price already encoded.
  private static func contentValues(_ order: Order, nightHours: Bool, encoded: EncodedContent?)
    -> [SQLValue]
  {
    let totals = OrderTotals(order.cargo)
    return [
      .text(order.contactName), .text(order.serviceType.rawValue), .text(order.status.rawValue),
      order.exception.map(SQLValue.text) ?? .null, .text(encoded?.stops ?? json(order.stops)),
      .text(order.services.map(\.rawValue).joined(separator: ",")),
      .text(order.settlement.rawValue), .text(encoded?.price ?? json(order.price)),
      .integer(order.price.totalFen), order.price.promotionCode.map(SQLValue.text) ?? .null,
      .integer(order.priceFrozen ? 1 : 0), order.quoteNumber.map(SQLValue.text) ?? .null,
      .text(order.source.rawValue), .text(order.notes), .integer(order.isUrgent ? 1 : 0),
      .integer(order.services.contains(.night) || nightHours ? 1 : 0),
      order.dueAt.map { .integer($0.epochMilliseconds) } ?? .null,
      order.eta.map { .integer($0.epochMilliseconds) } ?? .null,
      order.deliveredAt.map { .integer($0.epochMilliseconds) } ?? .null,
      .text(order.consignee?.contactPhone ?? ""), .integer(totals.weightGrams),
      .integer(totals.volumeCubicCentimetres),
    ]
  }

  private static func insertCargo(_ cargo: [CargoLine], of order: Identifier, _ scope: TenantScope)
    throws
  {
    guard !cargo.isEmpty else { return }
    precondition(
      cargo.count <= OrdersLimits.cargoLinesMax, "OrderRules allows at most cargoLinesMax lines")
    try scope.execute(
      cargoInserts[cargo.count - 1],
      cargo.enumerated().flatMap { number, line -> [SQLValue] in
        [
          .integer(order.rawValue), .integer(Int64(number + 1)), .text(line.description),
          .integer(Int64(line.packages)), .integer(OrderTotals.grams(line.weightKg)),
          .integer(OrderTotals.cubicCentimetres(line.volumeM3)), .integer(Int64(line.pallets)),
          .integer(line.declaredValueFen),
          line.temperatureMinC.map { .integer(Int64($0)) } ?? .null,
          line.temperatureMaxC.map { .integer(Int64($0)) } ?? .null,
          .integer(line.fragile ? 1 : 0), line.dangerousGoodsClass.map(SQLValue.text) ?? .null,
        ]
      })
  }

  /// The `INSERT` of an order's cargo lines, one statement for all of them, for each count of
  /// lines an order may have (at index count - 1); built once.
  private static let cargoInserts = (1...OrdersLimits.cargoLinesMax).map { rows in
    """
    INSERT INTO order_cargo_lines (tenant_id, order_id, line_number, description, packages,
      weight_grams, volume_cm3, pallets, declared_value_fen, temperature_min_c,
      temperature_max_c, fragile, dangerous_goods_class)
    VALUES \(TenantScope.valuesRows(rows, columns: 12))
    """
  }

  /// Replaces a draft's content and bumps its version; false when the version moved.
  static func replace(
    _ order: Order, nightHours: Bool, expectedVersion: Int64, _ scope: TenantScope
  )
    throws -> Bool
  {
    let changed = try scope.execute(
      """
      UPDATE orders SET contact_name = $2, service_type = $3, status = $4,
        exception_reason = $5, stops = $6, services = $7, settlement = $8, price = $9,
        total_fen = $10, promotion_code = $11, price_frozen = $12, quote_number = $13,
        source = $14, notes = $15, is_urgent = $16, is_night = $17, due_at = $18, eta = $19,
        delivered_at = $20, consignee_phone = $21, weight_grams = $22, volume_cm3 = $23,
        updated_at = $24, version = version + 1
      WHERE tenant_id = $1 AND id = $25 AND version = $26
      """,
      contentValues(order, nightHours: nightHours, encoded: nil) + [
        .integer(order.updatedAt.epochMilliseconds), .integer(order.id.rawValue),
        .integer(expectedVersion),
      ])
    guard changed == 1 else { return false }
    try scope.execute(
      "DELETE FROM order_cargo_lines WHERE tenant_id = $1 AND order_id = $2",
      [.integer(order.id.rawValue)])
    try insertCargo(order.cargo, of: order.id, scope)
    return true
  }

  /// Saves a transition: status, exception, price, ETA and delivery time.
  static func saveState(_ order: Order, _ scope: TenantScope) throws {
    try scope.execute(
      """
      UPDATE orders SET status = $2, exception_reason = $3, price = $4, total_fen = $5,
        promotion_code = $6, price_frozen = $7, eta = $8, delivered_at = $9, updated_at = $10,
        version = version + 1
      WHERE tenant_id = $1 AND id = $11
      """,
      [
        .text(order.status.rawValue), order.exception.map(SQLValue.text) ?? .null,
        .text(json(order.price)), .integer(order.price.totalFen),
        order.price.promotionCode.map(SQLValue.text) ?? .null,
        .integer(order.priceFrozen ? 1 : 0),
        order.eta.map { .integer($0.epochMilliseconds) } ?? .null,
        order.deliveredAt.map { .integer($0.epochMilliseconds) } ?? .null,
        .integer(order.updatedAt.epochMilliseconds), .integer(order.id.rawValue),
      ])
  }

  /// Order `id`, or ``OrdersError/orderNotFound``.
  static func load(_ id: Identifier, _ scope: TenantScope) throws -> Order {
    guard
      let row = try scope.query(
        "SELECT \(columns) FROM orders WHERE tenant_id = $1 AND id = $2", [.integer(id.rawValue)]
      ).first
    else { throw OrdersError.orderNotFound }
    var order = try summary(from: row)
    order.cargo = try cargo(of: id, scope)
    return order
  }

  /// The order with `waybill` and the consignee phone it was stored with, if any.
  static func tracked(_ waybill: String, _ scope: TenantScope) throws -> (Order, String)? {
    guard
      let row = try scope.query(
        """
        SELECT \(columns), consignee_phone FROM orders WHERE tenant_id = $1 AND waybill = $2
        """, [.text(waybill)]
      ).first
    else { return nil }
    return (try summary(from: row), try row.string("consignee_phone"))
  }

  private static func cargo(of order: Identifier, _ scope: TenantScope) throws -> [CargoLine] {
    try scope.query(
      """
      SELECT description, packages, weight_grams, volume_cm3, pallets, declared_value_fen,
        temperature_min_c, temperature_max_c, fragile, dangerous_goods_class
      FROM order_cargo_lines WHERE tenant_id = $1 AND order_id = $2 ORDER BY line_number
      """, [.integer(order.rawValue)]
    ).map { row in
      CargoLine(
        description: try row.string("description"), packages: try row.int("packages"),
        weightKg: Double(try row.int64("weight_grams")) / 1000,
        volumeM3: Double(try row.int64("volume_cm3")) / 1_000_000, pallets: try row.int("pallets"),
        declaredValueFen: try row.int64("declared_value_fen"),
        temperatureMinC: try row.optionalInt64("temperature_min_c").map { Int($0) },
        temperatureMaxC: try row.optionalInt64("temperature_max_c").map { Int($0) },
        fragile: try row.bool("fragile"),
        dangerousGoodsClass: try row.optionalString("dangerous_goods_class"))
    }
  }

  /// An order from a row of ``columns``, without its cargo lines (lists do not show them).
  static func summary(from row: Row) throws -> Order {
    Order(
      id: try row.identifier("id"), waybill: try row.string("waybill"),
      customerID: try row.identifier("customer_id"), contactName: try row.string("contact_name"),
      serviceType: try decoded(ServiceType.self, row, "service_type"),
      status: try decoded(OrderStatus.self, row, "status"),
      exception: try row.optionalString("exception_reason"),
      stops: try JSONValueDecoder().decode([OrderStop].self, fromText: try row.string("stops")),
      cargo: [],
      services: try row.string("services").split(separator: ",").map {
        guard let option = OrderServiceOption(rawValue: String($0)) else {
          throw DatabaseError.columnTypeMismatch(
            column: "services", expected: "a service code", found: String($0))
        }
        return option
      },
      settlement: try decoded(OrderSettlement.self, row, "settlement"),
      price: try JSONValueDecoder().decode(OrderPrice.self, fromText: try row.string("price")),
      priceFrozen: try row.bool("price_frozen"),
      quoteNumber: try row.optionalString("quote_number"),
      source: try decoded(OrderSource.self, row, "source"), notes: try row.string("notes"),
      eta: try row.optionalInstant("eta"), deliveredAt: try row.optionalInstant("delivered_at"),
      createdAt: try row.instant("created_at"), updatedAt: try row.instant("updated_at"),
      version: try row.int64("version"))
  }

  /// The enumeration value stored in `column`, or a decoding error naming the column.
  static func decoded<T: RawRepresentable>(_ type: T.Type, _ row: Row, _ column: String)
    throws -> T where T.RawValue == String
  {
    guard let value = T(rawValue: try row.string(column)) else {
      throw DatabaseError.columnTypeMismatch(
        column: column, expected: String(describing: type), found: try row.string(column))
    }
    return value
  }

  /// Compact JSON for a stored column.
  static func json(_ value: some Encodable) -> String {
    (try? CompactJSONEncoder().text(value)) ?? "null"
  }
}

/// The totals of an order's cargo in the units stored: grams and cubic centimetres.
struct OrderTotals {
  /// The total weight.
  var weightGrams: Int64 = 0
  /// The total volume.
  var volumeCubicCentimetres: Int64 = 0
  /// The total declared value.
  var declaredValueFen: Int64 = 0

  /// The totals of `cargo`.
  init(_ cargo: [CargoLine]) {
    for line in cargo {
      weightGrams += Self.grams(line.weightKg)
      volumeCubicCentimetres += Self.cubicCentimetres(line.volumeM3)
      declaredValueFen += line.declaredValueFen
    }
  }

  /// Kilograms as whole grams, half-up.
  static func grams(_ kilograms: Double) -> Int64 { Int64((kilograms * 1000).rounded()) }

  /// Cubic metres as whole cubic centimetres, half-up.
  static func cubicCentimetres(_ cubicMetres: Double) -> Int64 {
    Int64((cubicMetres * 1_000_000).rounded())
  }
}
