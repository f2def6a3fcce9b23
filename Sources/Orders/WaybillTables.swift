import FreightdeskCore
import PDF
import Web

/// The tables of the waybill: stops, cargo with totals, and charges; each flows onto a new
/// page between rows, repeating its header there.
enum WaybillTables {
  /// Draws `table` with `rows` into `flow`.
  static func draw(_ table: PDFTable, rows: [[String]], withHeader: Bool, flow: inout PDFFlow) {
    var needsHeader = withHeader
    for row in rows {
      let height = table.heightPoints(ofRow: row)
      let pageBefore = flow.pages.count
      var origin = flow.place(heightPoints: height + (needsHeader ? table.headerHeightPoints : 0))
      if flow.pages.count != pageBefore { needsHeader = withHeader }
      if needsHeader {
        flow.add(table.header(at: origin), heightPoints: table.headerHeightPoints)
        origin = flow.place(heightPoints: height)
        needsHeader = false
      }
      flow.add(table.row(row, at: origin), heightPoints: height)
    }
  }

  /// Pickup and delivery stops: kind, place, and contact with time windows.
  static func stops(_ order: Order, localizer t: Localizer, flow: inout PDFFlow) {
    let width = flow.contentWidth
    let table = PDFTable(
      columns: [
        .init(t("orders.waybill.stop_kind"), widthPoints: width * 0.12),
        .init(t("orders.waybill.address"), widthPoints: width * 0.48),
        .init(t("orders.waybill.contact_window"), widthPoints: width * 0.40),
      ], style: WaybillDocument.body)
    let rows = order.stops.map { stop in
      [
        t("orders.stop.\(stop.kind.rawValue)"), "\(stop.region)\n\(stop.address)",
        (["\(stop.contactName) \(stop.contactPhone)"]
          + stop.windows.map { WaybillFormat.window($0, localizer: t) }).joined(separator: "\n"),
      ]
    }
    draw(table, rows: rows, withHeader: true, flow: &flow)
  }

  /// Cargo lines and a totals row.
  static func cargo(_ order: Order, localizer t: Localizer, flow: inout PDFFlow) {
    let width = flow.contentWidth
    let columns: [(String, Double, PDFTextBlock.Alignment)] = [
      ("orders.cargo.description", 0.14, .left), ("orders.cargo.packages", 0.10, .right),
      ("orders.cargo.weight_kg", 0.10, .right), ("orders.cargo.volume_m3", 0.10, .right),
      ("orders.cargo.pallets", 0.08, .right), ("orders.cargo.declared_value_fen", 0.14, .right),
      ("orders.waybill.temperature", 0.12, .left), ("orders.cargo.fragile", 0.08, .left),
      ("orders.cargo.dangerous_goods_class", 0.14, .left),
    ]
    let table = PDFTable(
      columns: columns.map { .init(t($0.0), widthPoints: width * $0.1, alignment: $0.2) },
      style: WaybillDocument.body)
    var rows = order.cargo.map { line in
      [
        line.description, DisplayFormat.integer(Int64(line.packages)),
        WaybillFormat.kilograms(OrderTotals.grams(line.weightKg)),
        WaybillFormat.cubicMetres(OrderTotals.cubicCentimetres(line.volumeM3)),
        line.pallets == 0 ? "" : DisplayFormat.integer(Int64(line.pallets)),
        line.declaredValueFen == 0 ? "" : t.money(Money(minorUnits: line.declaredValueFen)),
        WaybillFormat.temperatureRange(line) ?? "", line.fragile ? t("orders.waybill.yes") : "",
        line.dangerousGoodsClass ?? "",
      ]
    }
    let totals = OrderTotals(order.cargo)
    rows.append([
      t("orders.waybill.total"),
      DisplayFormat.integer(Int64(order.cargo.reduce(0) { $0 + $1.packages })),
      WaybillFormat.kilograms(totals.weightGrams),
      WaybillFormat.cubicMetres(totals.volumeCubicCentimetres),
      DisplayFormat.integer(Int64(order.cargo.reduce(0) { $0 + $1.pallets })),
      t.money(Money(minorUnits: totals.declaredValueFen)), "", "", "",
    ])
    draw(table, rows: rows, withHeader: true, flow: &flow)
  }

  /// The price breakdown and total when priced, "not priced" otherwise.
  static func charges(_ order: Order, localizer t: Localizer, flow: inout PDFFlow) {
    let table = PDFTable(
      columns: [
        .init("", widthPoints: flow.contentWidth * 0.3),
        .init("", widthPoints: flow.contentWidth * 0.2, alignment: .right),
      ], style: WaybillDocument.body)
    guard WaybillFormat.isPriced(order) else {
      draw(
        table, rows: [[t("orders.field.total"), t("orders.waybill.not_priced")]], withHeader: false,
        flow: &flow)
      return
    }
    let lines = order.price.lines.map {
      [t("pricing.line.\($0.code)"), t.money(Money(minorUnits: $0.amountFen))]
    }
    draw(
      table, rows: lines + [[t("orders.waybill.total"), t.money(order.price.total)]],
      withHeader: false, flow: &flow)
  }
}
