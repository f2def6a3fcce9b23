public import FreightdeskCore

/// What a break's quantity measures: the chargeable weight (rate per kg) or the volume (rate
/// per m³).
public enum RateBasis: String, Sendable, CaseIterable, Codable {
  /// Per kilogram of chargeable weight; break thresholds in grams.
  case weight
  /// Per cubic metre of volume; break thresholds in cubic centimetres.
  case volume

  /// Quantity units per rated unit: grams per kg, cm³ per m³.
  var unitsPerRatedUnit: Int64 {
    switch self {
    case .weight: 1000
    case .volume: Volume.cubicCentimetresPerCubicMetre
    }
  }
}

/// One weight or volume break: from `threshold` (inclusive) up to the next break, the whole
/// quantity is charged at `rate` per kg or per m³.
public struct RateBreak: Hashable, Sendable {
  /// What the threshold measures.
  public var basis: RateBasis
  /// The smallest quantity (grams or cm³) this rate applies to.
  public var threshold: Int64
  /// The price of one kg or one m³.
  public var rate: Money

  /// Declares a break.
  public init(basis: RateBasis, threshold: Int64, rate: Money) {
    self.basis = basis
    self.threshold = threshold
    self.rate = rate
  }
}

/// One lane of a rate card (origin region → destination region) with its breaks and minimum
/// charge.
///
/// With breaks on both bases the freight is the larger of the weight price and the volume
/// price (按重按方取大), and never less than ``minimumCharge``.
public struct Lane: Hashable, Sendable {
  /// Where shipments start.
  public var origin: RegionPattern
  /// Where they go.
  public var destination: RegionPattern
  /// The breaks, on one basis or both; each basis starts at threshold 0.
  public var breaks: [RateBreak]
  /// The least freight charged on this lane.
  public var minimumCharge: Money

  /// Declares a lane.
  public init(
    origin: RegionPattern, destination: RegionPattern, breaks: [RateBreak],
    minimumCharge: Money
  ) {
    self.origin = origin
    self.destination = destination
    self.breaks = breaks
    self.minimumCharge = minimumCharge
  }

  /// Whether the lane serves a shipment from `origin` to `destination`.
  public func serves(from origin: RegionPath, to destination: RegionPath) -> Bool {
    self.origin.matches(origin) && self.destination.matches(destination)
  }

  /// The break that prices `quantity` on `basis`: the one with the largest threshold not above
  /// it; nil when the lane has no break on that basis.
  public func applicableBreak(_ basis: RateBasis, quantity: Int64) -> RateBreak? {
    breaks.filter { $0.basis == basis && $0.threshold <= quantity }
      .max { $0.threshold < $1.threshold }
  }

  /// The freight before the minimum: the larger of the priced bases, half-up to the fen.
  func freight(chargeableWeight: Weight, volume: Volume) -> Money {
    var amounts: [Money] = []
    for (basis, quantity) in [
      (RateBasis.weight, chargeableWeight.grams), (.volume, volume.cubicCentimetres),
    ] {
      if let rate = applicableBreak(basis, quantity: quantity)?.rate {
        amounts.append(
          rate.multiplied(by: quantity, dividedBy: basis.unitsPerRatedUnit, rounding: .halfUp))
      }
    }
    return amounts.max() ?? .zero(minimumCharge.currency)
  }

  /// The problems with this lane, with pointers under `pointer`.
  func problems(at pointer: String) -> [FieldError] {
    var problems: [FieldError] = []
    if !origin.isWellFormed {
      problems.append(.init(pointer: "\(pointer)/origin", code: "invalid_region"))
    }
    if !destination.isWellFormed {
      problems.append(.init(pointer: "\(pointer)/destination", code: "invalid_region"))
    }
    let bases = Set(breaks.map(\.basis))
    if bases.isEmpty { problems.append(.init(pointer: "\(pointer)/breaks", code: "required")) }
    for basis in bases where !breaks.contains(where: { $0.basis == basis && $0.threshold == 0 }) {
      problems.append(.init(pointer: "\(pointer)/breaks", code: "first_break_not_zero"))
    }
    for (index, rateBreak) in breaks.enumerated()
    where rateBreak.threshold < 0 || rateBreak.rate.minorUnits < 0 {
      problems.append(.init(pointer: "\(pointer)/breaks/\(index)", code: "must_not_be_negative"))
    }
    if minimumCharge.minorUnits < 0 {
      problems.append(.init(pointer: "\(pointer)/minimum_charge_fen", code: "must_not_be_negative"))
    }
    return problems
  }
}
