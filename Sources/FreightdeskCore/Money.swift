/// A currency Freightdesk bills in, with its minor-unit scale.
public enum Currency: String, Codable, Sendable, CaseIterable {
  /// Chinese yuan renminbi; minor unit fen (1/100).
  case cny = "CNY"

  /// The symbol shown before amounts.
  public var symbol: String {
    switch self {
    case .cny: "¥"
    }
  }

  /// Minor units per major unit (100 fen per yuan).
  public var minorUnitsPerMajor: Int64 {
    switch self {
    case .cny: 100
    }
  }
}

/// A named rule for rounding a fraction of a minor unit; money never rounds implicitly.
public enum MoneyRounding: Sendable {
  /// Half away from zero (四舍五入), the rule for VAT and prices.
  case halfUp
  /// Toward negative infinity.
  case down
  /// Toward positive infinity.
  case up
}

/// An amount of money in integer minor units (fen) with its currency; never floating point.
public struct Money: Hashable, Codable, Sendable, Comparable {
  /// The amount in minor units (fen for CNY).
  public var minorUnits: Int64
  /// The currency.
  public var currency: Currency

  /// Creates an amount from minor units.
  public init(minorUnits: Int64, currency: Currency = .cny) {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Zero in a currency.
  public static func zero(_ currency: Currency = .cny) -> Money {
    Money(minorUnits: 0, currency: currency)
  }

  /// Adds two amounts of the same currency.
  public static func + (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "cannot add different currencies")
    return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
  }

  /// Subtracts two amounts of the same currency.
  public static func - (lhs: Money, rhs: Money) -> Money {
    precondition(lhs.currency == rhs.currency, "cannot subtract different currencies")
    return Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
  }

  /// Compares amounts of the same currency.
  public static func < (lhs: Money, rhs: Money) -> Bool {
    precondition(lhs.currency == rhs.currency, "cannot compare different currencies")
    return lhs.minorUnits < rhs.minorUnits
  }

  /// This amount times `numerator / denominator`, rounded by an explicit rule;
  /// e.g. a 9 % VAT is `multiplied(by: 9, dividedBy: 100, rounding: .halfUp)`.
  public func multiplied(by numerator: Int64, dividedBy denominator: Int64, rounding: MoneyRounding)
    -> Money
  {
    precondition(denominator > 0, "denominator must be positive")
    let product = minorUnits.multipliedFullWidth(by: numerator)
    let (quotient, remainder) = denominator.dividingFullWidth(product)
    var result = quotient
    if remainder != 0 {
      let negative = (remainder < 0)
      switch rounding {
      case .halfUp:
        if remainder.magnitude * 2 >= denominator.magnitude { result += negative ? -1 : 1 }
      case .down:
        if negative { result -= 1 }
      case .up:
        if !negative { result += 1 }
      }
    }
    return Money(minorUnits: result, currency: currency)
  }
}
