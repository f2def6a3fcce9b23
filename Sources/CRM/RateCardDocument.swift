import FreightdeskCore

/// A rate card as the API reads and writes it, and as a version is stored: amounts in fen,
/// break thresholds in kg (weight) or m³ (volume), services and bases by their codes.
public struct RateCardDocument: Codable, Sendable, Equatable {
  /// One break of a lane.
  public struct Break: Codable, Sendable, Equatable {
    /// `weight` or `volume`.
    public var basis: String
    /// The threshold in kg or m³ (up to three decimals).
    public var from: Double
    /// The rate in fen per kg or per m³.
    public var rateFen: Int64

    enum CodingKeys: String, CodingKey {
      case basis, from
      case rateFen = "rate_fen"
    }
  }

  /// One lane.
  public struct LaneEntry: Codable, Sendable, Equatable {
    /// The origin pattern, e.g. `上海市` or `*`.
    public var origin: String
    /// The destination pattern.
    public var destination: String
    /// The minimum charge in fen.
    public var minimumChargeFen: Int64
    /// The breaks.
    public var breaks: [Break]

    enum CodingKeys: String, CodingKey {
      case origin, destination, breaks
      case minimumChargeFen = "minimum_charge_fen"
    }
  }

  /// One service's charge: a fixed amount or a share of the freight.
  public struct SurchargeEntry: Codable, Sendable, Equatable {
    /// The service code, e.g. `cold_chain`.
    public var service: String
    /// A fixed amount in fen.
    public var fixedFen: Int64?
    /// A share of the freight in basis points.
    public var percentBasisPoints: Int64?

    enum CodingKeys: String, CodingKey {
      case service
      case fixedFen = "fixed_fen"
      case percentBasisPoints = "percent_basis_points"
    }
  }

  /// Declared-value insurance.
  public struct InsuranceEntry: Codable, Sendable, Equatable {
    /// The fee's share of the declared value in basis points.
    public var rateBasisPoints: Int64
    /// The least fee in fen.
    public var minimumFen: Int64
    /// The largest declared value in fen.
    public var declaredValueMaxFen: Int64

    enum CodingKeys: String, CodingKey {
      case rateBasisPoints = "rate_basis_points"
      case minimumFen = "minimum_fen"
      case declaredValueMaxFen = "declared_value_max_fen"
    }
  }

  /// The card's name.
  public var name: String
  /// Whether this is the company's list card (saving one list card unflags the others).
  public var isList: Bool
  /// The lanes.
  public var lanes: [LaneEntry]
  /// The services offered.
  public var surcharges: [SurchargeEntry]
  /// Insurance, if offered.
  public var insurance: InsuranceEntry?
  /// The fuel surcharge in basis points of the freight.
  public var fuelBasisPoints: Int64

  enum CodingKeys: String, CodingKey {
    case name, lanes, surcharges, insurance
    case isList = "is_list"
    case fuelBasisPoints = "fuel_basis_points"
  }

  /// The card it describes; throws a ``ValidationFailure`` naming every bad field.
  public func rateCard() throws -> RateCard {
    var problems: [FieldError] = []
    let lanes = self.lanes.enumerated().map { index, lane in
      Lane(
        origin: RegionPattern(lane.origin), destination: RegionPattern(lane.destination),
        breaks: lane.breaks.enumerated().compactMap { breakIndex, entry in
          guard let basis = RateBasis(rawValue: entry.basis) else {
            problems.append(
              FieldError(
                pointer: "/lanes/\(index)/breaks/\(breakIndex)/basis", code: "invalid_choice"))
            return nil
          }
          return RateBreak(
            basis: basis, threshold: Quantities.scaled(entry.from, by: basis.unitsPerRatedUnit),
            rate: Money(minorUnits: entry.rateFen))
        },
        minimumCharge: Money(minorUnits: lane.minimumChargeFen))
    }
    var charges: [SurchargeKind: SurchargeCharge] = [:]
    for (index, entry) in surcharges.enumerated() {
      switch (SurchargeKind(rawValue: entry.service), entry.fixedFen, entry.percentBasisPoints) {
      case (let kind?, let fixed?, nil): charges[kind] = .fixed(Money(minorUnits: fixed))
      case (let kind?, nil, let share?): charges[kind] = .percentOfFreight(basisPoints: share)
      case (nil, _, _):
        problems.append(FieldError(pointer: "/surcharges/\(index)/service", code: "invalid_choice"))
      default:
        problems.append(FieldError(pointer: "/surcharges/\(index)", code: "fixed_or_percent"))
      }
    }
    let card = RateCard(
      name: name, lanes: lanes, surcharges: charges,
      insurance: insurance.map {
        InsuranceRule(
          rateBasisPoints: $0.rateBasisPoints, minimum: Money(minorUnits: $0.minimumFen),
          declaredValueMax: Money(minorUnits: $0.declaredValueMaxFen))
      }, fuelBasisPoints: fuelBasisPoints)
    do {
      try card.validate()
    } catch {
      problems += error.fieldErrors
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return card
  }
}
