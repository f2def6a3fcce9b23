public import FreightdeskCore

/// A promotion: a discount on the freight for one customer segment (or sales platform), or for
/// everyone, valid from one day through another.
///
/// The rule: of the promotions valid on the shipping day for the customer's segment, the one
/// giving the largest discount applies, and only that one (promotions never stack); on a tie
/// the code first in alphabetical order wins. A discount never exceeds the freight.
public struct Promotion: Hashable, Sendable {
  /// How the discount is measured.
  public enum Discount: Hashable, Sendable {
    /// A share of the freight in basis points (1,000 = 10 %), half-up to the fen.
    case percent(basisPoints: Int64)
    /// A fixed amount off the freight.
    case fixed(Money)
  }

  /// The promotion's code, e.g. `DOUBLE11`.
  public var code: String
  /// Its name as staff and customers see it.
  public var name: String
  /// The discount.
  public var discount: Discount
  /// The segment or platform it is for; nil means every customer.
  public var segment: String?
  /// The first day it is valid.
  public var validFrom: CivilDate
  /// The last day it is valid.
  public var validThrough: CivilDate

  /// Declares a promotion.
  public init(
    code: String, name: String, discount: Discount, segment: String?, validFrom: CivilDate,
    validThrough: CivilDate
  ) {
    self.code = code
    self.name = name
    self.discount = discount
    self.segment = segment
    self.validFrom = validFrom
    self.validThrough = validThrough
  }

  /// Whether it applies on `day` to a customer in `segment`.
  public func applies(on day: CivilDate, segment customerSegment: String?) -> Bool {
    (validFrom...validThrough).contains(day) && (segment == nil || segment == customerSegment)
  }

  /// The discount on `freight`, at most the freight.
  public func discount(onFreight freight: Money) -> Money {
    let amount =
      switch discount {
      case .percent(let basisPoints):
        freight.multiplied(by: basisPoints, dividedBy: 10_000, rounding: .halfUp)
      case .fixed(let amount): amount
      }
    return min(amount, freight)
  }

  /// The promotion that applies by the rule above, with its discount, or nil.
  public static func best(
    of promotions: [Promotion], on day: CivilDate, segment: String?, freight: Money
  ) -> (promotion: Promotion, discount: Money)? {
    promotions.filter { $0.applies(on: day, segment: segment) }
      .map { (promotion: $0, discount: $0.discount(onFreight: freight)) }
      .filter { $0.discount.minorUnits > 0 }
      .min { lhs, rhs in
        lhs.discount != rhs.discount
          ? lhs.discount > rhs.discount : lhs.promotion.code < rhs.promotion.code
      }
  }
}
