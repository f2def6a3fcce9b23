public import FreightdeskCore

/// What is to be priced: the route, the goods' weight and volume, the services asked for, the
/// declared value to insure, who ships and when.
public struct PricingRequest: Hashable, Sendable {
  /// Where the goods are picked up.
  public var origin: RegionPath
  /// Where they go.
  public var destination: RegionPath
  /// The weight on the scale.
  public var actualWeight: Weight
  /// The measured volume.
  public var volume: Volume
  /// The extra services asked for.
  public var services: Set<SurchargeKind>
  /// The value to insure (保价); nil or zero for none.
  public var declaredValue: Money?
  /// The customer's segment or sales platform, for promotions.
  public var segment: String?
  /// The shipping day, for promotions.
  public var shipDate: CivilDate

  /// Describes a shipment to price.
  public init(
    origin: RegionPath, destination: RegionPath, actualWeight: Weight, volume: Volume,
    services: Set<SurchargeKind> = [], declaredValue: Money? = nil, segment: String? = nil,
    shipDate: CivilDate
  ) {
    self.origin = origin
    self.destination = destination
    self.actualWeight = actualWeight
    self.volume = volume
    self.services = services
    self.declaredValue = declaredValue
    self.segment = segment
    self.shipDate = shipDate
  }

  /// Throws a ``ValidationFailure`` for a blank route, a shipment with neither weight nor
  /// volume, or negative quantities.
  public func validate() throws(ValidationFailure) {
    var problems: [FieldError] = []
    if origin.segments.isEmpty { problems.append(.init(pointer: "/origin", code: "required")) }
    if destination.segments.isEmpty {
      problems.append(.init(pointer: "/destination", code: "required"))
    }
    if actualWeight.grams < 0 {
      problems.append(.init(pointer: "/weight_kg", code: "must_not_be_negative"))
    }
    if volume.cubicCentimetres < 0 {
      problems.append(.init(pointer: "/volume_m3", code: "must_not_be_negative"))
    }
    if actualWeight.grams <= 0 && volume.cubicCentimetres <= 0 {
      problems.append(.init(pointer: "/weight_kg", code: "weight_or_volume_required"))
    }
    if let value = declaredValue, value.minorUnits < 0 {
      problems.append(.init(pointer: "/declared_value_fen", code: "must_not_be_negative"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
  }
}
