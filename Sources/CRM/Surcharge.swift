public import FreightdeskCore

/// The extra services a rate card may charge for beside the freight itself.
public enum SurchargeKind: String, Sendable, CaseIterable, Codable, Comparable {
  /// 加急: urgent service.
  case urgent
  /// 冷链: cold chain.
  case coldChain = "cold_chain"
  /// 夜间: night delivery or pickup.
  case night
  /// 上门接货: door pickup.
  case pickup
  /// 签收回单: the signed receipt goes back to the shipper.
  case receiptReturn = "receipt_return"

  /// Orders kinds as declared, so breakdowns list them in a fixed order.
  public static func < (lhs: SurchargeKind, rhs: SurchargeKind) -> Bool {
    let order = allCases
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}

/// How much one service costs: a fixed amount, or a share of the freight.
public enum SurchargeCharge: Hashable, Sendable {
  /// A fixed amount per shipment.
  case fixed(Money)
  /// A share of the freight in basis points (1 bp = 0.01 %), rounded half-up to the fen.
  case percentOfFreight(basisPoints: Int64)

  /// The charge on `freight`.
  public func amount(onFreight freight: Money) -> Money {
    switch self {
    case .fixed(let amount): amount
    case .percentOfFreight(let basisPoints):
      freight.multiplied(by: basisPoints, dividedBy: 10_000, rounding: .halfUp)
    }
  }
}

/// 保价: declared-value insurance. The fee is `rate × declared value`, half-up to the fen, and
/// never below `minimum`; a declared value above `declaredValueMax` is refused.
public struct InsuranceRule: Hashable, Sendable {
  /// The fee as a share of the declared value, in basis points (30 = 0.3 %).
  public var rateBasisPoints: Int64
  /// The smallest fee charged when insurance is asked for.
  public var minimum: Money
  /// The largest declared value the company insures.
  public var declaredValueMax: Money

  /// Declares the rule.
  public init(rateBasisPoints: Int64, minimum: Money, declaredValueMax: Money) {
    self.rateBasisPoints = rateBasisPoints
    self.minimum = minimum
    self.declaredValueMax = declaredValueMax
  }

  /// The fee for insuring `declaredValue`.
  public func fee(declaredValue: Money) throws(PricingError) -> Money {
    guard declaredValue <= declaredValueMax else {
      throw .declaredValueOverCap(cap: declaredValueMax)
    }
    let share = declaredValue.multiplied(
      by: rateBasisPoints, dividedBy: 10_000, rounding: .halfUp)
    return max(share, minimum)
  }
}
