import Foundation

/// Conversions between the decimal kg and m³ people type and the whole grams and cubic
/// centimetres the engine counts in.
enum Quantities {
  /// `value` (kg or m³) in units of which `scale` make one (grams, cm³), to the nearest unit.
  static func scaled(_ value: Double, by scale: Int64) -> Int64 {
    guard value.isFinite, value.magnitude < 1e9 else { return -1 }
    return Int64((value * Double(scale)).rounded())
  }

  /// `units` (grams, cm³) as a decimal number of kg or m³.
  static func decimal(_ units: Int64, by scale: Int64) -> Double {
    Double(units) / Double(scale)
  }

  /// `value` for people: no trailing zeros (`50`, `0.5`, `12.25`).
  static func text(_ value: Double) -> String {
    String(format: "%g", value)
  }
}
