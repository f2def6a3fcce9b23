import Foundation
public import FreightdeskCore

/// A price list: lanes with their breaks and minimum charges, the services it charges for, its
/// insurance and its fuel surcharge. The company's list card prices everyone; a contract names
/// its own card, which overrides the list card for that customer.
public struct RateCard: Hashable, Sendable {
  /// The card's name, e.g. `2026 零担标准价`.
  public var name: String
  /// The currency of every amount on it.
  public var currency: Currency
  /// Its lanes; the most specific one serving a route prices it.
  public var lanes: [Lane]
  /// The services it offers and what each costs.
  public var surcharges: [SurchargeKind: SurchargeCharge]
  /// Its declared-value insurance, if it offers insurance.
  public var insurance: InsuranceRule?
  /// The fuel surcharge as a share of the freight, in basis points.
  public var fuelBasisPoints: Int64

  /// Declares a card.
  public init(
    name: String, currency: Currency = .cny, lanes: [Lane],
    surcharges: [SurchargeKind: SurchargeCharge] = [:], insurance: InsuranceRule? = nil,
    fuelBasisPoints: Int64 = 0
  ) {
    self.name = name
    self.currency = currency
    self.lanes = lanes
    self.surcharges = surcharges
    self.insurance = insurance
    self.fuelBasisPoints = fuelBasisPoints
  }

  /// The lane that prices a shipment from `origin` to `destination`: among the lanes serving
  /// it, the one naming the most segments in total; on a tie, the one with the more specific
  /// origin; then the one listed first. Nil when no lane serves the route.
  public func lane(from origin: RegionPath, to destination: RegionPath) -> Lane? {
    var best: Lane?
    for lane in lanes where lane.serves(from: origin, to: destination) {
      guard let current = best else {
        best = lane
        continue
      }
      if Self.specificity(of: lane) > Self.specificity(of: current) { best = lane }
    }
    return best
  }

  private static func specificity(of lane: Lane) -> (Int, Int) {
    (lane.origin.specificity + lane.destination.specificity, lane.origin.specificity)
  }

  /// Throws a ``ValidationFailure`` naming every problem: a blank name, no lanes, a lane
  /// without a zero break on a basis it prices, negative amounts.
  public func validate() throws(ValidationFailure) {
    var problems: [FieldError] = []
    if name.trimmingCharacters(in: .whitespaces).isEmpty {
      problems.append(FieldError(pointer: "/name", code: "required"))
    }
    if lanes.isEmpty { problems.append(FieldError(pointer: "/lanes", code: "required")) }
    for (index, lane) in lanes.enumerated() {
      problems += lane.problems(at: "/lanes/\(index)")
    }
    if fuelBasisPoints < 0 || fuelBasisPoints > 10_000 {
      problems.append(
        FieldError(
          pointer: "/fuel_basis_points", code: "out_of_range",
          arguments: ["min": "0", "max": "10000"]))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
  }
}
