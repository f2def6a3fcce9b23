public import FreightdeskCore
public import Web

/// Where a customer stands with us.
public enum CustomerStatus: String, Sendable, Codable, CaseIterable, SchemaEnumeration {
  /// Not yet shipping with us.
  case prospect
  /// Shipping with us.
  case active
  /// Has not shipped for a while.
  case dormant
  /// Left us.
  case lost
}

/// A company customer: the record sales, service and dispatch share.
public struct Customer: Codable, Sendable, Equatable {
  /// The customer's id.
  public var id: Identifier
  /// The registered name, e.g. 杭州云舟电子商务有限公司.
  public var name: String
  /// The name used day to day, e.g. 云舟电商.
  public var shortName: String
  /// 统一社会信用代码, normalised, when known.
  public var creditCode: String?
  /// The trade it is in, e.g. 服装.
  public var industry: String
  /// The code of its e-commerce platform segment (淘宝, 京东, …), when known.
  public var segmentCode: String?
  /// How we found it, e.g. 转介绍.
  public var source: String
  /// The sales rep who owns the account.
  public var ownerID: Identifier?
  /// Where it stands.
  public var status: CustomerStatus
  /// When it was created.
  public var createdAt: Instant
  /// When it last changed.
  public var updatedAt: Instant
  /// The row version, for `If-Match`.
  public var version: Int64
  /// How it wants goods moved.
  public var preferences: TransportPreferences
  /// How it pays.
  public var terms: CommercialTerms

  enum CodingKeys: String, CodingKey {
    case id, name, industry, source, status, version, preferences, terms
    case shortName = "short_name"
    case creditCode = "credit_code"
    case segmentCode = "segment_code"
    case ownerID = "owner_id"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}

/// A person at a customer we talk to.
public struct Contact: Codable, Sendable, Equatable {
  /// The contact's id.
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// The name.
  public var name: String
  /// The job title, e.g. 物流经理.
  public var title: String
  /// The mobile number as 11 digits, when known.
  public var mobile: String?
  /// E-mail, when known.
  public var email: String?
  /// WeChat id, when known.
  public var wechat: String?

  enum CodingKeys: String, CodingKey {
    case id, name, title, mobile, email, wechat
    case customerID = "customer_id"
  }
}

/// A point on the map in millionths of a degree (WGS-84), the precision GPS terminals report.
public struct MapPoint: Codable, Sendable, Equatable {
  /// Latitude × 10⁶, −90 000 000 … 90 000 000.
  public var latitudeMicrodegrees: Int64
  /// Longitude × 10⁶, −180 000 000 … 180 000 000.
  public var longitudeMicrodegrees: Int64

  enum CodingKeys: String, CodingKey {
    case latitudeMicrodegrees = "latitude_microdegrees"
    case longitudeMicrodegrees = "longitude_microdegrees"
  }

  /// A point.
  public init(latitudeMicrodegrees: Int64, longitudeMicrodegrees: Int64) {
    self.latitudeMicrodegrees = latitudeMicrodegrees
    self.longitudeMicrodegrees = longitudeMicrodegrees
  }
}

/// A customer's address: a warehouse, a shop, an office.
public struct CustomerAddress: Codable, Sendable, Equatable {
  /// The address's id.
  public var id: Identifier
  /// The customer.
  public var customerID: Identifier
  /// What it is, e.g. 华东仓.
  public var label: String
  /// 省 / 直辖市.
  public var province: String
  /// 市.
  public var city: String
  /// 区 / 县.
  public var district: String
  /// Street, number, building.
  public var detail: String
  /// Where it is on the map, when known.
  public var mapPoint: MapPoint?

  enum CodingKeys: String, CodingKey {
    case id, label, province, city, district, detail
    case customerID = "customer_id"
    case mapPoint = "map_point"
  }
}

/// One entry of the company's editable list of e-commerce platform segments.
public struct PlatformSegment: Codable, Sendable, Equatable {
  /// The stable code customers refer to, e.g. `taobao`.
  public var code: String
  /// The name shown, e.g. 淘宝.
  public var name: String
}
