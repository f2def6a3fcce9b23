import Foundation
import FreightdeskCore
import Spreadsheet
import Storage
import Web

/// Orders read from a CSV or .xlsx file, as e-commerce platforms export their shipments: one
/// order per row for one customer chosen on the page, picked up on the row's day (09:00–18:00)
/// and delivered on its delivery day (two days later when the column is empty). Each row is
/// checked by the order rules and priced, so the preview shows every problem; the chosen rows
/// are created in one transaction, each with its audit row and `order.created` event.
enum OrderImport {
  /// The importable fields with their zh-CN and English column titles.
  static let fields = [
    ImportField("pickup_region", aliases: ["发货地区", "发件地区", "始发地", "Origin"], isRequired: true),
    ImportField("pickup_address", aliases: ["发货地址", "发件地址", "Pickup address"], isRequired: true),
    ImportField("pickup_contact", aliases: ["发货人", "发件人", "Shipper"]),
    ImportField("pickup_phone", aliases: ["发货人电话", "发件人电话", "Shipper phone"], isRequired: true),
    ImportField(
      "delivery_region", aliases: ["收货地区", "收件地区", "目的地", "Destination"], isRequired: true),
    ImportField(
      "delivery_address", aliases: ["收货地址", "收件地址", "Delivery address"], isRequired: true),
    ImportField("consignee", aliases: ["收货人", "收件人", "Consignee"]),
    ImportField(
      "consignee_phone", aliases: ["收货人电话", "收件人电话", "收货人手机", "Consignee phone"],
      isRequired: true),
    ImportField("goods", aliases: ["品名", "货物名称", "商品名称", "Goods"], isRequired: true),
    ImportField("packages", aliases: ["件数", "数量", "Packages"]),
    ImportField("weight_kg", aliases: ["重量", "重量(kg)", "重量（kg）", "Weight"], isRequired: true),
    ImportField("volume_m3", aliases: ["体积", "体积(m³)", "体积（m³）", "Volume"]),
    ImportField("pickup_date", aliases: ["发货日期", "提货日期", "Pickup date"], isRequired: true),
    ImportField("delivery_date", aliases: ["送达日期", "要求送达日期", "Delivery date"]),
    ImportField("notes", aliases: ["备注", "Notes"]),
  ]

  /// Where each input pointer's problems show in the file.
  static let fieldOfPointer = [
    "/stops/0/region": "pickup_region", "/stops/0/address": "pickup_address",
    "/stops/0/contact_name": "pickup_contact", "/stops/0/contact_phone": "pickup_phone",
    "/stops/0/windows": "pickup_date", "/stops/1/region": "delivery_region",
    "/stops/1/address": "delivery_address", "/stops/1/contact_name": "consignee",
    "/stops/1/contact_phone": "consignee_phone", "/stops/1/windows": "delivery_date",
    "/stops/1/windows/0/end": "delivery_date", "/cargo/0/description": "goods",
    "/cargo/0/packages": "packages", "/cargo/0/weight_kg": "weight_kg",
    "/cargo/0/volume_m3": "volume_m3", "/notes": "notes",
  ]

  /// Reads, checks and prices every row of `data` for `customer` with `mapping` (the
  /// suggested one when nil), in one read transaction.
  static func plan(
    _ data: Data, customer: Identifier, mapping: ImportMapping?, service: OrderService,
    timeZone: TimeZone, in tenant: TenantID
  ) throws -> ImportPlan<OrderInput> {
    guard data.count <= OrdersLimits.importBytesMax else {
      throw SpreadsheetError.fileTooLarge(bytesMax: OrdersLimits.importBytesMax)
    }
    let file = try SpreadsheetFile(data: data)
    let chosen = try mapping ?? ImportMapping.suggested(header: file.header(), fields: fields)
    return try service.services.database.read(for: tenant) { scope in
      _ = try service.requireCustomer(customer, scope)
      return try ImportPlanner.plan(file: file, mapping: chosen, fields: fields, duplicates: nil) {
        row in
        check(row, customer: customer, service: service, timeZone: timeZone, scope)
      }
    }
  }

  /// Creates the orders `choice` asks for in one transaction; returns how many. Any failure
  /// writes nothing.
  static func write(
    _ plan: ImportPlan<OrderInput>, choice: ImportChoice, service: OrderService,
    by user: Identifier, timeZone: TimeZone, in tenant: TenantID, audit: AuditContext
  ) throws -> Int {
    let records = try plan.records(for: choice)
    return try service.services.database.write(for: tenant) { scope in
      for input in records {
        _ = try service.create(
          input, source: .import, by: user, timeZone: timeZone, audit: audit, scope)
      }
      return records.count
    }
  }

  /// One row as an order, checked by the order rules and priced.
  private static func check(
    _ row: ImportRow, customer: Identifier, service: OrderService, timeZone: TimeZone,
    _ scope: TenantScope
  ) -> Result<OrderInput, RowRejection> {
    guard let pickup = OrderDates.startOfDay(row["pickup_date"], timeZone: timeZone) else {
      return .failure(RowRejection([FieldProblem(field: "pickup_date", code: "invalid_date")]))
    }
    let deliveryText = row["delivery_date"]
    let delivery =
      deliveryText.isEmpty
      ? pickup.adding(seconds: 2 * 86_400) : OrderDates.startOfDay(deliveryText, timeZone: timeZone)
    guard let delivery else {
      return .failure(RowRejection([FieldProblem(field: "delivery_date", code: "invalid_date")]))
    }
    let hours = { (day: Instant) in
      [OrderTimeWindow(start: day.adding(seconds: 9 * 3600), end: day.adding(seconds: 18 * 3600))]
    }
    let input = OrderInput(
      customerID: customer, serviceType: .ltl,
      stops: [
        OrderStop(
          kind: .pickup, region: row["pickup_region"], address: row["pickup_address"],
          contactName: row["pickup_contact"], contactPhone: row["pickup_phone"],
          windows: hours(pickup)),
        OrderStop(
          kind: .delivery, region: row["delivery_region"], address: row["delivery_address"],
          contactName: row["consignee"], contactPhone: row["consignee_phone"],
          windows: hours(delivery)),
      ],
      cargo: [
        CargoLine(
          description: row["goods"],
          packages: Int(row["packages"]) ?? (row["packages"].isEmpty ? 1 : 0),
          weightKg: Double(row["weight_kg"]) ?? -1, volumeM3: Double(row["volume_m3"]) ?? 0)
      ], notes: row["notes"])
    do {
      _ = try service.quote(input, timeZone: timeZone, scope)
      return .success(input)
    } catch let failure as ValidationFailure {
      return .failure(
        RowRejection(
          failure.fieldErrors.map {
            FieldProblem(
              field: fieldOfPointer[$0.pointer] ?? "goods", code: $0.code, arguments: $0.arguments)
          }))
    } catch let error as any UserFacingError {
      return .failure(
        RowRejection([
          FieldProblem(
            field: "delivery_region", code: "order_cannot_be_priced",
            arguments: ["reason": error.code])
        ]))
    } catch {
      return .failure(RowRejection([FieldProblem(field: "goods", code: "invalid_format")]))
    }
  }
}
