public import FreightdeskCore

/// What a customer is created or changed from (the form, the API, the demo). On creation a
/// first contact may come along, and `confirm_duplicate` creates the customer even when
/// similar ones exist; on update both are ignored.
public struct CustomerInput: Codable, Sendable {
  /// The registered name.
  public var name: String
  /// The everyday name; the registered name when left out.
  public var shortName: String?
  /// 统一社会信用代码.
  public var creditCode: String?
  /// The trade.
  public var industry: String?
  /// The platform segment's code.
  public var segmentCode: String?
  /// How we found the customer.
  public var source: String?
  /// The owning sales rep.
  public var ownerID: Identifier?
  /// The status; `prospect` when left out.
  public var status: CustomerStatus?
  /// Transport preferences.
  public var preferences: TransportPreferences?
  /// A first contact (creation only).
  public var contact: ContactInput?
  /// Create even when similar customers exist (creation only).
  public var confirmDuplicate: Bool?

  enum CodingKeys: String, CodingKey {
    case name, industry, source, status, preferences, contact
    case shortName = "short_name"
    case creditCode = "credit_code"
    case segmentCode = "segment_code"
    case ownerID = "owner_id"
    case confirmDuplicate = "confirm_duplicate"
  }

  /// An input.
  public init(
    name: String, shortName: String? = nil, creditCode: String? = nil, industry: String? = nil,
    segmentCode: String? = nil, source: String? = nil, ownerID: Identifier? = nil,
    status: CustomerStatus? = nil, preferences: TransportPreferences? = nil,
    contact: ContactInput? = nil, confirmDuplicate: Bool? = nil
  ) {
    self.name = name
    self.shortName = shortName
    self.creditCode = creditCode
    self.industry = industry
    self.segmentCode = segmentCode
    self.source = source
    self.ownerID = ownerID
    self.status = status
    self.preferences = preferences
    self.contact = contact
    self.confirmDuplicate = confirmDuplicate
  }
}

/// A contact to add.
public struct ContactInput: Codable, Sendable {
  /// The name.
  public var name: String
  /// The job title.
  public var title: String?
  /// A Chinese mobile number in any usual spelling.
  public var mobile: String?
  /// E-mail.
  public var email: String?
  /// WeChat id.
  public var wechat: String?

  /// An input.
  public init(
    name: String, title: String? = nil, mobile: String? = nil, email: String? = nil,
    wechat: String? = nil
  ) {
    self.name = name
    self.title = title
    self.mobile = mobile
    self.email = email
    self.wechat = wechat
  }
}

/// An address to add.
public struct AddressInput: Codable, Sendable {
  /// What it is, e.g. 华东仓.
  public var label: String?
  /// 省.
  public var province: String
  /// 市.
  public var city: String
  /// 区 / 县.
  public var district: String?
  /// Street, number, building.
  public var detail: String
  /// The map point, when known.
  public var mapPoint: MapPoint?

  enum CodingKeys: String, CodingKey {
    case label, province, city, district, detail
    case mapPoint = "map_point"
  }

  /// An input.
  public init(
    label: String? = nil, province: String, city: String, district: String? = nil,
    detail: String, mapPoint: MapPoint? = nil
  ) {
    self.label = label
    self.province = province
    self.city = city
    self.district = district
    self.detail = detail
    self.mapPoint = mapPoint
  }
}

/// An interaction to log.
public struct InteractionInput: Codable, Sendable {
  /// The kind.
  public var kind: InteractionKind
  /// What was said or done.
  public var summary: String
  /// The contact spoken to.
  public var contactID: Identifier?
  /// The order or ticket number it concerns.
  public var reference: String?
  /// When it happened; now when left out.
  public var occurredAt: Instant?

  enum CodingKeys: String, CodingKey {
    case kind, summary, reference
    case contactID = "contact_id"
    case occurredAt = "occurred_at"
  }

  /// An input.
  public init(
    kind: InteractionKind, summary: String, contactID: Identifier? = nil,
    reference: String? = nil, occurredAt: Instant? = nil
  ) {
    self.kind = kind
    self.summary = summary
    self.contactID = contactID
    self.reference = reference
    self.occurredAt = occurredAt
  }
}

/// A follow-up to add.
public struct FollowUpInput: Codable, Sendable {
  /// What to do.
  public var title: String
  /// The due date, `YYYY-MM-DD`.
  public var dueOn: String
  /// Who is to do it; the caller when left out.
  public var assigneeID: Identifier?

  enum CodingKeys: String, CodingKey {
    case title
    case dueOn = "due_on"
    case assigneeID = "assignee_id"
  }

  /// An input.
  public init(title: String, dueOn: String, assigneeID: Identifier? = nil) {
    self.title = title
    self.dueOn = dueOn
    self.assigneeID = assigneeID
  }
}
