import Foundation
public import FreightdeskCore

/// The field rules of customers, contacts and terms: pure functions that either return the
/// normalised value or the broken rules, so pages, the API and the demo check alike.
public enum CustomerRules {
  /// A Chinese mobile number as 11 digits `1[3-9]xxxxxxxxx`, accepting a `+86`, `0086` or
  /// `86` prefix and spaces or hyphens between digits; nil when it is not one.
  ///
  /// ```swift
  /// CustomerRules.mobile("+86 138-0013-8000")  // "13800138000"
  /// ```
  public static func mobile(_ text: String) -> String? {
    var digits = text.filter { $0 != " " && $0 != "-" }
    for prefix in ["+86", "0086", "86"] where digits.hasPrefix(prefix) && digits.count > 11 {
      digits.removeFirst(prefix.count)
      break
    }
    let bytes = Array(digits.utf8)
    let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
    // 1[3-9] and nine more digits, checked byte by byte: a regex here would be compiled on
    // every call, which dominated the import of big files.
    guard bytes.count == 11, bytes[0] == UInt8(ascii: "1"),
      (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1]), bytes.allSatisfy(digit.contains)
    else { return nil }
    return digits
  }

  /// A unified social credit code, normalised, or the rule of GB 32100 it breaks.
  public static func creditCode(_ text: String, pointer: String) throws(ValidationFailure)
    -> String
  {
    do {
      return try CreditCode(text).rawValue
    } catch {
      throw ValidationFailure(pointer: pointer, code: error.code, arguments: error.arguments)
    }
  }

  /// A text of at most `max` characters; required unless `optional`.
  public static func text(
    _ value: String, pointer: String, max: Int, optional: Bool = false
  ) -> [FieldError] {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty && !optional { return [FieldError(pointer: pointer, code: "required")] }
    if trimmed.count > max {
      return [FieldError(pointer: pointer, code: "too_long", arguments: ["max": String(max)])]
    }
    return []
  }

  /// The broken rules of commercial terms: 月结 needs a billing day 1–28 and 0–120 days to
  /// pay; the other settlements take neither; a credit limit is never negative.
  public static func terms(_ terms: CommercialTerms, pointer: String = "") -> [FieldError] {
    var problems: [FieldError] = []
    if terms.settlement == .monthly {
      problems += range(terms.billingDay, 1...28, pointer: "\(pointer)/billing_day")
      problems += range(terms.paymentDays, 0...120, pointer: "\(pointer)/payment_days")
    } else {
      if terms.billingDay != nil {
        problems.append(FieldError(pointer: "\(pointer)/billing_day", code: "monthly_only"))
      }
      if terms.paymentDays != nil {
        problems.append(FieldError(pointer: "\(pointer)/payment_days", code: "monthly_only"))
      }
    }
    if terms.creditLimitFen < 0 {
      problems.append(FieldError(pointer: "\(pointer)/credit_limit_fen", code: "negative"))
    }
    return problems
  }

  /// A date `YYYY-MM-DD` that exists in the calendar.
  public static func date(_ text: String, pointer: String) -> [FieldError] {
    guard let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})/),
      let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
      (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
    else { return [FieldError(pointer: pointer, code: "invalid_date")] }
    return []
  }

  /// The rule a map point breaks, if any.
  public static func mapPoint(_ point: MapPoint, pointer: String) -> [FieldError] {
    range(
      Int(point.latitudeMicrodegrees), -90_000_000...90_000_000,
      pointer: "\(pointer)/latitude_microdegrees")
      + range(
        Int(point.longitudeMicrodegrees), -180_000_000...180_000_000,
        pointer: "\(pointer)/longitude_microdegrees")
  }

  /// `required` when missing, `out_of_range` (with `min` and `max`) when outside `allowed`.
  static func range(_ value: Int?, _ allowed: ClosedRange<Int>, pointer: String)
    -> [FieldError]
  {
    guard let value else { return [FieldError(pointer: pointer, code: "required")] }
    if allowed.contains(value) { return [] }
    return [
      FieldError(
        pointer: pointer, code: "out_of_range",
        arguments: ["min": String(allowed.lowerBound), "max": String(allowed.upperBound)])
    ]
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

extension CustomerRules {
  /// An amount typed in yuan (`12500`, `12,500.5`, `0.08`) as fen, without floating point;
  /// nil when it is not a non-negative amount with at most two decimals.
  public static func fen(fromYuan text: String) -> Int64? {
    let plain = text.filter { $0 != "," && $0 != " " }
    guard let match = plain.wholeMatch(of: /([0-9]{1,12})(?:\.([0-9]{1,2}))?/),
      let yuan = Int64(match.1)
    else { return nil }
    let decimals = match.2.map(String.init) ?? ""
    let fen = Int64(decimals.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
    return yuan * 100 + fen
  }

  /// Fen as yuan the way ``fen(fromYuan:)`` reads them back: `1250050` → `12500.50`.
  public static func yuan(fromFen fen: Int64) -> String {
    fixedPoint(fen, places: 2)
  }

  /// An integer scaled by 10^`places` as a decimal: `fixedPoint(31230416, places: 6)` →
  /// `31.230416`; no floating point on the way.
  public static func fixedPoint(_ value: Int64, places: Int) -> String {
    let scale = (0..<places).reduce(UInt64(1)) { product, _ in product * 10 }
    let fraction = String(value.magnitude % scale)
    return (value < 0 ? "-" : "") + "\(value.magnitude / scale)."
      + String(repeating: "0", count: places - fraction.count) + fraction
  }
}
