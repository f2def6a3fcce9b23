import FreightdeskCore
import Web

/// How the waybill, the labels and the order page spell quantities, windows and handling
/// marks, in the reader's language and the company's zone.
enum WaybillFormat {
  /// Grams as kilograms with no trailing zeros: `20`, `1,234.5`.
  static func kilograms(_ grams: Int64) -> String { trimmed(grams, fractionDigits: 3) }

  /// Cubic centimetres as cubic metres with no trailing zeros: `0.05`.
  static func cubicMetres(_ cubicCentimetres: Int64) -> String {
    trimmed(cubicCentimetres, fractionDigits: 6)
  }

  /// A fixed-point number grouped, without the zeros its scale adds at the end.
  private static func trimmed(_ scaled: Int64, fractionDigits: Int) -> String {
    var text = DisplayFormat.decimal(scaled, fractionDigits: fractionDigits)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// A time window: `2026-12-07 10:00–14:00` on one day, both ends in full across days.
  static func window(_ window: OrderTimeWindow, localizer t: Localizer) -> String {
    let start = t.dateTime(window.start)
    guard t.date(window.start) == t.date(window.end) else {
      return "\(start) – \(t.dateTime(window.end))"
    }
    return "\(start)–\(DisplayFormat.time(window.end, in: t.timeZone))"
  }

  /// A cold-chain line's range, e.g. `2 ~ 8 °C`, `−18 ~ −12 °C` or `≤ 8 °C`, or nil. Negative
  /// degrees take the minus sign, so that a range of them does not read as dashes.
  static func temperatureRange(_ line: CargoLine) -> String? {
    guard line.isColdChain else { return nil }
    let degrees = { (value: Int) in value < 0 ? "−\(-value)" : String(value) }
    switch (line.temperatureMinC, line.temperatureMaxC) {
    case (let low?, let high?): return "\(degrees(low)) ~ \(degrees(high)) °C"
    case (let low?, nil): return "≥ \(degrees(low)) °C"
    case (nil, let high?): return "≤ \(degrees(high)) °C"
    case (nil, nil): return nil
    }
  }

  /// Whether the order is priced: it has a breakdown (a price from the rate cards or a quote).
  static func isPriced(_ order: Order) -> Bool { !order.price.lines.isEmpty }
}
