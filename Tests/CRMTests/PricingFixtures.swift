import CRM
import FreightdeskCore

/// Amounts in yuan for readable tests.
func yuan(_ amount: Int64) -> Money { Money(minorUnits: amount * 100) }

/// Fen for exact expectations.
func fen(_ amount: Int64) -> Money { Money(minorUnits: amount) }

/// A weight break from `kilograms` at `fenPerKilogram`.
func perKilogram(from kilograms: Int64, _ fenPerKilogram: Int64) -> RateBreak {
  RateBreak(basis: .weight, threshold: kilograms * 1000, rate: fen(fenPerKilogram))
}

/// A volume break from `cubicMetres` at `fenPerCubicMetre`.
func perCubicMetre(from cubicMetres: Int64, _ fenPerCubicMetre: Int64) -> RateBreak {
  RateBreak(
    basis: .volume, threshold: cubicMetres * Volume.cubicCentimetresPerCubicMetre,
    rate: fen(fenPerCubicMetre))
}

/// The list card of the tests: Shanghai → Guangdong with weight breaks at 0, 100 and 500 kg,
/// a cheaper Shanghai → Shenzhen lane, a nationwide fallback, services, insurance and 5 % fuel.
let listCard = RateCard(
  name: "2026 零担标准价",
  lanes: [
    Lane(
      origin: RegionPattern("上海市"), destination: RegionPattern("广东省/*"),
      breaks: [
        perKilogram(from: 0, 200), perKilogram(from: 100, 150), perKilogram(from: 500, 120),
      ],
      minimumCharge: yuan(50)),
    Lane(
      origin: RegionPattern("上海市"), destination: RegionPattern("广东省/深圳市"),
      breaks: [perKilogram(from: 0, 180), perCubicMetre(from: 0, 50_000)],
      minimumCharge: yuan(40)),
    Lane(
      origin: RegionPattern("*"), destination: RegionPattern("*"),
      breaks: [perKilogram(from: 0, 300)], minimumCharge: yuan(80)),
  ],
  surcharges: [
    .urgent: .percentOfFreight(basisPoints: 2_000), .coldChain: .fixed(yuan(120)),
    .night: .fixed(yuan(30)), .pickup: .fixed(yuan(25)), .receiptReturn: .fixed(yuan(5)),
  ],
  insurance: InsuranceRule(rateBasisPoints: 30, minimum: yuan(2), declaredValueMax: yuan(500_000)),
  fuelBasisPoints: 500)

/// A shipment from Shanghai to `destination`.
func shipment(
  to destination: String = "广东省/广州市", grams: Int64, cubicCentimetres: Int64 = 0,
  services: Set<SurchargeKind> = [], declaredValue: Money? = nil, segment: String? = nil,
  on day: String = "2026-12-04"
) -> PricingRequest {
  PricingRequest(
    origin: RegionPath("上海市/浦东新区"), destination: RegionPath(destination),
    actualWeight: Weight(grams: grams), volume: Volume(cubicCentimetres: cubicCentimetres),
    services: services, declaredValue: declaredValue, segment: segment,
    shipDate: CivilDate(day)!)
}

/// The engine with the road-freight rule: 250 kg/m³, up to 0.1 kg.
let engine = PricingEngine(chargeableWeight: .standard)
