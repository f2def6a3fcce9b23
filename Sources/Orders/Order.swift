public import FreightdeskCore

/// The kind of transport an order asks for.
public enum ServiceType: String, Sendable, Codable, CaseIterable {
  /// 城市配送: city distribution.
  case cityDelivery = "city_delivery"
  /// 干线: line-haul between cities.
  case lineHaul = "line_haul"
  /// 零担: less than truckload.
  case ltl
  /// 整车: full truckload.
  case ftl
  /// 仓配一体: delivered from our warehouse's stock.
  case warehouseDelivery = "warehouse_delivery"

  /// The catalog key of its name.
  public var labelKey: String { "orders.service_type.\(rawValue)" }
}

/// An extra service on an order.
public enum OrderServiceOption: String, Sendable, Codable, CaseIterable {
  /// 加急 / 次日达: urgent, next-day.
  case urgent
  /// 上门接货: door pickup.
  case pickup
  /// 签收回单: the signed receipt goes back to the shipper.
  case receiptReturn = "receipt_return"
  /// 保价: declared-value insurance.
  case insurance
  /// 夜间: night delivery.
  case night

  /// The catalog key of its name.
  public var labelKey: String { "orders.service.\(rawValue)" }
}

/// How the freight is paid.
public enum OrderSettlement: String, Sendable, Codable, CaseIterable {
  /// 现付: paid at handover.
  case prepaid
  /// 到付: the consignee pays.
  case collect
  /// 月结: on the monthly statement.
  case monthly

  /// The catalog key of its name.
  public var labelKey: String { "orders.settlement.\(rawValue)" }

  /// Whether the customer owes the amount after the goods move, so the order needs credit:
  /// 月结 is billed on the statement; 现付 is paid at handover and 到付 by the consignee on
  /// delivery.
  public var extendsCredit: Bool { self == .monthly }
}

/// Where an order came from.
public enum OrderSource: String, Sendable, Codable, CaseIterable {
  /// Typed by staff.
  case staff
  /// Sent over the API (an e-commerce system).
  case api
  /// Placed by the customer on the portal.
  case portal
  /// Made from an accepted quote.
  case quote
  /// Imported from a spreadsheet.
  case `import`
}

/// A time window at a stop, as instants (shown in the company's zone).
public struct OrderTimeWindow: Codable, Sendable, Hashable {
  /// The earliest time.
  public var start: Instant
  /// The latest time.
  public var end: Instant

  /// The JSON members, named as the API spells them.
  public enum CodingKeys: String, CodingKey {
    case start, end
  }

  /// A window.
  public init(start: Instant, end: Instant) {
    self.start = start
    self.end = end
  }
}

/// Whether a stop is a pickup or a delivery.
public enum StopKind: String, Sendable, Codable, CaseIterable {
  /// Goods are collected here.
  case pickup
  /// Goods are delivered here.
  case delivery
}

/// One stop of an order: where, whom to call, and when.
public struct OrderStop: Codable, Sendable, Hashable {
  /// Pickup or delivery.
  public var kind: StopKind
  /// The region as `province/city/district`, e.g. `上海市/浦东新区`; what the price is
  /// looked up by.
  public var region: String
  /// The street address.
  public var address: String
  /// The contact's name.
  public var contactName: String
  /// The contact's phone.
  public var contactPhone: String
  /// One or more time windows.
  public var windows: [OrderTimeWindow]

  /// The JSON members, named as the API spells them.
  public enum CodingKeys: String, CodingKey {
    case kind, region, address, windows
    case contactName = "contact_name"
    case contactPhone = "contact_phone"
  }

  /// A stop.
  public init(
    kind: StopKind, region: String, address: String, contactName: String, contactPhone: String,
    windows: [OrderTimeWindow]
  ) {
    self.kind = kind
    self.region = region
    self.address = address
    self.contactName = contactName
    self.contactPhone = contactPhone
    self.windows = windows
  }
}

/// One line of cargo.
public struct CargoLine: Codable, Sendable, Hashable {
  /// What the goods are.
  public var description: String
  /// How many packages.
  public var packages: Int
  /// The weight in kg (three decimals kept).
  public var weightKg: Double
  /// The volume in m³ (six decimals kept).
  public var volumeM3: Double
  /// Pallets, when palletised.
  public var pallets: Int
  /// The declared value in fen, for insurance.
  public var declaredValueFen: Int64
  /// The lowest temperature allowed in °C, for cold chain.
  public var temperatureMinC: Int?
  /// The highest temperature allowed in °C, for cold chain.
  public var temperatureMaxC: Int?
  /// Handle with care.
  public var fragile: Bool
  /// The UN dangerous-goods class, e.g. `3`, when dangerous.
  public var dangerousGoodsClass: String?

  /// The JSON members, named as the API spells them.
  public enum CodingKeys: String, CodingKey {
    case description, packages, pallets, fragile
    case weightKg = "weight_kg"
    case volumeM3 = "volume_m3"
    case declaredValueFen = "declared_value_fen"
    case temperatureMinC = "temperature_min_c"
    case temperatureMaxC = "temperature_max_c"
    case dangerousGoodsClass = "dangerous_goods_class"
  }

  /// A cargo line.
  public init(
    description: String, packages: Int, weightKg: Double, volumeM3: Double, pallets: Int = 0,
    declaredValueFen: Int64 = 0, temperatureMinC: Int? = nil, temperatureMaxC: Int? = nil,
    fragile: Bool = false, dangerousGoodsClass: String? = nil
  ) {
    self.description = description
    self.packages = packages
    self.weightKg = weightKg
    self.volumeM3 = volumeM3
    self.pallets = pallets
    self.declaredValueFen = declaredValueFen
    self.temperatureMinC = temperatureMinC
    self.temperatureMaxC = temperatureMaxC
    self.fragile = fragile
    self.dangerousGoodsClass = dangerousGoodsClass
  }

  /// Whether the line needs a refrigerated truck.
  public var isColdChain: Bool { temperatureMinC != nil || temperatureMaxC != nil }
}

/// A price as the order keeps it: every line of the breakdown and the total, frozen at
/// confirmation.
public struct OrderPrice: Codable, Sendable, Hashable {
  /// One line of the breakdown.
  public struct Line: Codable, Sendable, Hashable {
    /// The line's code, e.g. `freight` or `surcharge.urgent`.
    public var code: String
    /// Its amount in fen (negative for a discount).
    public var amountFen: Int64

    enum CodingKeys: String, CodingKey {
      case code
      case amountFen = "amount_fen"
    }

    /// A line.
    public init(code: String, amountFen: Int64) {
      self.code = code
      self.amountFen = amountFen
    }
  }

  /// Every line in order.
  public var lines: [Line]
  /// The total in fen.
  public var totalFen: Int64
  /// The currency code.
  public var currency: String
  /// The code of the promotion applied, if any.
  public var promotionCode: String?

  enum CodingKeys: String, CodingKey {
    case lines, currency
    case totalFen = "total_fen"
    case promotionCode = "promotion_code"
  }

  /// A price.
  public init(lines: [Line], totalFen: Int64, currency: String = "CNY", promotionCode: String?) {
    self.lines = lines
    self.totalFen = totalFen
    self.currency = currency
    self.promotionCode = promotionCode
  }

  /// The total as money.
  public var total: Money { Money(minorUnits: totalFen) }
}

/// A transport order: who ships what from where to where, with which services, at what price,
/// and where it stands.
public struct Order: Codable, Sendable, Equatable {
  /// Its id.
  public var id: Identifier
  /// The waybill number people use, e.g. `TO20261204-0007`.
  public var waybill: String
  /// The customer.
  public var customerID: Identifier
  /// The person at the customer who placed it.
  public var contactName: String
  /// The kind of transport.
  public var serviceType: ServiceType
  /// The status.
  public var status: OrderStatus
  /// The open exception's reason, if any.
  public var exception: String?
  /// Pickup and delivery stops in order.
  public var stops: [OrderStop]
  /// The cargo.
  public var cargo: [CargoLine]
  /// The extra services.
  public var services: [OrderServiceOption]
  /// How it is paid.
  public var settlement: OrderSettlement
  /// The price; frozen once confirmed.
  public var price: OrderPrice
  /// Whether the price no longer changes (confirmed, or taken from an accepted quote).
  public var priceFrozen: Bool
  /// The quote it was made from, if any.
  public var quoteNumber: String?
  /// Where it came from.
  public var source: OrderSource
  /// Notes for dispatch and the driver.
  public var notes: String
  /// The expected delivery time, once planned.
  public var eta: Instant?
  /// When it was delivered.
  public var deliveredAt: Instant?
  /// When it was created.
  public var createdAt: Instant
  /// When it last changed.
  public var updatedAt: Instant
  /// The row version, for `If-Match`.
  public var version: Int64

  enum CodingKeys: String, CodingKey {
    case id, waybill, status, exception, stops, cargo, services, settlement, price, source
    case notes, eta, version
    case customerID = "customer_id"
    case contactName = "contact_name"
    case serviceType = "service_type"
    case priceFrozen = "price_frozen"
    case quoteNumber = "quote_number"
    case deliveredAt = "delivered_at"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  /// The lifecycle state.
  public var state: OrderState { OrderState(status: status, exception: exception) }

  /// The last delivery stop: the consignee.
  public var consignee: OrderStop? { stops.last { $0.kind == .delivery } }

  /// The first pickup stop.
  public var shipper: OrderStop? { stops.first { $0.kind == .pickup } }

  /// When delivery is due: the end of the consignee's last window.
  public var dueAt: Instant? { consignee?.windows.map(\.end).max() }

  /// The order as input, for checking it again before it is sent or confirmed.
  public var input: OrderInput {
    OrderInput(
      customerID: customerID, contactName: contactName, serviceType: serviceType, stops: stops,
      cargo: cargo, services: services, settlement: settlement, notes: notes)
  }

  /// Whether the order asks for urgent service.
  public var isUrgent: Bool { services.contains(.urgent) }
}
