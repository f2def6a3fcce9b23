public import FreightdeskCore

/// A campaign (营销活动): a message and a promotion aimed at a saved customer segment for a
/// period, e.g. 双十一 for 华东淘宝客户 with promotion `DOUBLE11`.
public struct Campaign: Codable, Sendable, Equatable {
  /// The campaign's id.
  public var id: Identifier
  /// Its name.
  public var name: String
  /// The saved segment it targets.
  public var segmentID: Identifier
  /// The promotion it offers.
  public var promotionID: Identifier
  /// What recipients are told.
  public var message: String
  /// Its first day.
  public var startsOn: String
  /// Its last day.
  public var endsOn: String
  /// When it was created.
  public var createdAt: Instant
  /// When it was started, which froze its recipients; nil while it is a draft, whose
  /// recipients are the segment's members at each moment.
  public var startedAt: Instant?

  enum CodingKeys: String, CodingKey {
    case id, name, message
    case segmentID = "segment_id"
    case promotionID = "promotion_id"
    case startsOn = "starts_on"
    case endsOn = "ends_on"
    case createdAt = "created_at"
    case startedAt = "started_at"
  }
}

/// A campaign to create.
public struct CampaignInput: Codable, Sendable, Equatable {
  /// The name, at most 60 characters.
  public var name: String
  /// The saved segment it targets.
  public var segmentID: Identifier
  /// The promotion it offers.
  public var promotionID: Identifier
  /// What recipients are told, at most 500 characters.
  public var message: String
  /// Its first day, `YYYY-MM-DD`.
  public var startsOn: String
  /// Its last day, `YYYY-MM-DD`, not before the first.
  public var endsOn: String

  enum CodingKeys: String, CodingKey {
    case name, message
    case segmentID = "segment_id"
    case promotionID = "promotion_id"
    case startsOn = "starts_on"
    case endsOn = "ends_on"
  }

  /// An input.
  public init(
    name: String, segmentID: Identifier, promotionID: Identifier, message: String,
    startsOn: String, endsOn: String
  ) {
    self.name = name
    self.segmentID = segmentID
    self.promotionID = promotionID
    self.message = message
    self.startsOn = startsOn
    self.endsOn = endsOn
  }

  /// The broken field rules (the segment and promotion are checked against the database).
  func problems() -> [FieldError] {
    var problems =
      CustomerRules.text(name, pointer: "/name", max: 60)
      + CustomerRules.text(message, pointer: "/message", max: 500)
    let first = CivilDate(startsOn)
    let last = CivilDate(endsOn)
    if first == nil { problems.append(FieldError(pointer: "/starts_on", code: "invalid_date")) }
    if last == nil { problems.append(FieldError(pointer: "/ends_on", code: "invalid_date")) }
    if let first, let last, last < first {
      problems.append(FieldError(pointer: "/ends_on", code: "below_minimum"))
    }
    return problems
  }
}

/// How a campaign's message reaches a contact.
public enum CampaignChannel: String, Sendable, Codable, CaseIterable {
  /// By e-mail.
  case email
  /// By text message to a mobile number.
  case sms
  /// By WeChat.
  case wechat
}

/// A contact of a targeted customer, with the addresses a message can reach.
public struct CampaignRecipient: Codable, Sendable, Equatable {
  /// The customer.
  public var customerID: Identifier
  /// The customer's name.
  public var customerName: String
  /// The contact's name.
  public var contactName: String
  /// The contact's e-mail address.
  public var email: String?
  /// The contact's mobile number.
  public var mobile: String?
  /// The contact's WeChat id.
  public var wechat: String?

  enum CodingKeys: String, CodingKey {
    case email, mobile, wechat
    case customerID = "customer_id"
    case customerName = "customer_name"
    case contactName = "contact_name"
  }

  /// The address on `channel`, or nil when the contact has none.
  public func address(on channel: CampaignChannel) -> String? {
    switch channel {
    case .email: email
    case .sms: mobile
    case .wechat: wechat
    }
  }
}

/// What a campaign reached and brought: its recipients (frozen when it started, the segment's
/// members now before that), and the orders placed with its promotion in its period, by
/// targeted customers and by everyone.
public struct CampaignResult: Codable, Sendable, Equatable {
  /// The campaign.
  public var campaign: Campaign
  /// The targeted customers: those frozen when the campaign started, or the segment's members
  /// now while it is a draft.
  public var customers: Int
  /// Recipients reachable per channel.
  public var recipientsByChannel: [String: Int]
  /// Orders placed with the promotion in the period by targeted customers.
  public var ordersFromTargets: Int
  /// Orders placed with the promotion in the period by any customer.
  public var ordersTotal: Int

  enum CodingKeys: String, CodingKey {
    case campaign, customers
    case recipientsByChannel = "recipients_by_channel"
    case ordersFromTargets = "orders_from_targets"
    case ordersTotal = "orders_total"
  }

  /// Counts the orders with `promotion` in `figures` (by customer) and the recipients.
  static func measure(
    _ campaign: Campaign, targets: [Identifier], recipients: [CampaignRecipient],
    figures: [Identifier: CustomerOrderFigures]
  ) -> CampaignResult {
    let targeted = Set(targets)
    var fromTargets = 0
    var total = 0
    for (customer, figure) in figures {
      let orders = figure.ordersByPromotion[campaign.promotionID] ?? 0
      total += orders
      if targeted.contains(customer) { fromTargets += orders }
    }
    var byChannel: [String: Int] = [:]
    for channel in CampaignChannel.allCases {
      byChannel[channel.rawValue] = recipients.filter { $0.address(on: channel) != nil }.count
    }
    return CampaignResult(
      campaign: campaign, customers: targets.count, recipientsByChannel: byChannel,
      ordersFromTargets: fromTargets, ordersTotal: total)
  }
}
