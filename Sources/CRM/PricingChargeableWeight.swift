/// A mass in whole grams; shipments are weighed to the gram at most.
public struct Weight: Hashable, Comparable, Sendable {
  /// The mass in grams.
  public var grams: Int64

  /// A mass of `grams` grams.
  public init(grams: Int64) {
    self.grams = grams
  }

  /// A mass of whole kilograms.
  public static func kilograms(_ kilograms: Int64) -> Weight {
    Weight(grams: kilograms * 1000)
  }

  /// Compares masses.
  public static func < (lhs: Weight, rhs: Weight) -> Bool { lhs.grams < rhs.grams }
}

/// A volume in whole cubic centimetres (one millionth of a cubic metre).
public struct Volume: Hashable, Comparable, Sendable {
  /// The volume in cubic centimetres.
  public var cubicCentimetres: Int64

  /// A volume of `cubicCentimetres` cm³.
  public init(cubicCentimetres: Int64) {
    self.cubicCentimetres = cubicCentimetres
  }

  /// Cubic centimetres per cubic metre.
  public static let cubicCentimetresPerCubicMetre: Int64 = 1_000_000

  /// Compares volumes.
  public static func < (lhs: Volume, rhs: Volume) -> Bool {
    lhs.cubicCentimetres < rhs.cubicCentimetres
  }
}

/// How a chargeable weight is rounded: always up, to a named step, so a shipment never
/// weighs less on the bill than on the scale.
public enum WeightRounding: String, Sendable, CaseIterable, Codable {
  /// Up to the next gram (no rounding beyond the scale's).
  case gramUp = "gram_up"
  /// Up to the next 0.1 kg.
  case tenthKilogramUp = "tenth_kilogram_up"
  /// Up to the next whole kilogram.
  case wholeKilogramUp = "whole_kilogram_up"

  /// The step in grams.
  var stepGrams: Int64 {
    switch self {
    case .gramUp: 1
    case .tenthKilogramUp: 100
    case .wholeKilogramUp: 1000
    }
  }

  /// `weight` rounded up to the step.
  public func rounded(_ weight: Weight) -> Weight {
    let step = stepGrams
    return Weight(grams: (weight.grams + step - 1) / step * step)
  }
}

/// The company's rule for 计费重量 (chargeable weight): the larger of the actual weight and the
/// volumetric weight (m³ × `kilogramsPerCubicMetre`), rounded up by `rounding`.
///
/// ```swift
/// let rule = ChargeableWeight(kilogramsPerCubicMetre: 250, rounding: .tenthKilogramUp)
/// rule.weight(actual: .kilograms(40), volume: Volume(cubicCentimetres: 200_000))  // 50 kg
/// ```
public struct ChargeableWeight: Hashable, Sendable {
  /// The volumetric factor in kg per m³ (e.g. 250 for road freight, 167 for air).
  public var kilogramsPerCubicMetre: Int64
  /// How the result is rounded.
  public var rounding: WeightRounding

  /// The factor and rounding most road carriers use: 250 kg/m³, up to 0.1 kg.
  public static let standard = ChargeableWeight(
    kilogramsPerCubicMetre: 250, rounding: .tenthKilogramUp)

  /// A rule with a factor (1...10,000 kg/m³) and a rounding.
  public init(kilogramsPerCubicMetre: Int64, rounding: WeightRounding) {
    precondition((1...10_000).contains(kilogramsPerCubicMetre), "factor out of range")
    self.kilogramsPerCubicMetre = kilogramsPerCubicMetre
    self.rounding = rounding
  }

  /// The volumetric weight of `volume`, up to the gram.
  public func volumetricWeight(_ volume: Volume) -> Weight {
    let grams = volume.cubicCentimetres * kilogramsPerCubicMetre
    return Weight(grams: (grams + 999) / 1000)
  }

  /// The chargeable weight of a shipment.
  public func weight(actual: Weight, volume: Volume) -> Weight {
    rounding.rounded(max(actual, volumetricWeight(volume)))
  }
}
