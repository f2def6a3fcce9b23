public import FreightdeskCore

extension DisplayFormat {
  /// An integer with thousands grouped by commas: `1234567` → `1,234,567`, `-1234` → `-1,234`.
  public static func integer(_ value: Int64) -> String {
    decimal(value, fractionDigits: 0)
  }

  /// A fixed-point number stored as an integer of `fractionDigits` decimal places, grouped:
  /// `decimal(1234567, fractionDigits: 3)` → `1,234.567`, `decimal(-5, fractionDigits: 2)` →
  /// `-0.05`. All digits are kept; nothing is rounded.
  public static func decimal(_ scaledValue: Int64, fractionDigits: Int) -> String {
    let sign = scaledValue < 0 ? "-" : ""
    return sign + unsignedDecimal(scaledValue.magnitude, fractionDigits: fractionDigits)
  }

  /// An amount of money with its symbol and all minor-unit digits: `¥1,234.56`, `-¥0.05`,
  /// `¥0.00`.
  public static func money(_ money: Money) -> String {
    let sign = money.minorUnits < 0 ? "-" : ""
    let digits = fractionDigits(of: money.currency)
    return sign + money.currency.symbol
      + unsignedDecimal(money.minorUnits.magnitude, fractionDigits: digits)
  }

  /// How many decimal places a currency's minor unit has (2 for fen).
  private static func fractionDigits(of currency: Currency) -> Int {
    var perMajor = currency.minorUnitsPerMajor
    var digits = 0
    while perMajor > 1 {
      perMajor /= 10
      digits += 1
    }
    return digits
  }

  /// The grouped whole part and zero-padded fraction of a magnitude with a decimal scale.
  private static func unsignedDecimal(_ magnitude: UInt64, fractionDigits: Int) -> String {
    precondition((0...19).contains(fractionDigits), "a 64-bit value has at most 19 decimals")
    var scale: UInt64 = 1
    for _ in 0..<fractionDigits { scale *= 10 }
    var text = grouped(magnitude / scale)
    if fractionDigits > 0 {
      let fraction = String(magnitude % scale)
      text += "." + String(repeating: "0", count: fractionDigits - fraction.count) + fraction
    }
    return text
  }

  /// Digits with a comma before every group of three from the right.
  private static func grouped(_ value: UInt64) -> String {
    let digits = String(value)
    var text = ""
    text.reserveCapacity(digits.count + digits.count / 3)
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
