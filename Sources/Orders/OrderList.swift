public import FreightdeskCore
public import Storage
public import Web

/// One order in a list: enough to find it and see where it stands, without its cargo.
public struct OrderSummary: Codable, Sendable, Equatable {
  /// The order's id.
  public var id: Identifier
  /// The waybill number.
  public var waybill: String
  /// The customer.
  public var customerID: Identifier
  /// The kind of transport.
  public var serviceType: ServiceType
  /// The status.
  public var status: OrderStatus
  /// The open exception's reason, if any.
  public var exception: String?
  /// The first pickup's region.
  public var origin: String
  /// The last delivery's region.
  public var destination: String
  /// The total in fen.
  public var totalFen: Int64
  /// Whether urgent service was ordered.
  public var urgent: Bool
  /// The expected delivery time, once planned.
  public var eta: Instant?
  /// When it was created.
  public var createdAt: Instant

  enum CodingKeys: String, CodingKey {
    case id, waybill, status, exception, origin, destination, urgent, eta
    case customerID = "customer_id"
    case serviceType = "service_type"
    case totalFen = "total_fen"
    case createdAt = "created_at"
  }

  /// The summary of `order`.
  public init(_ order: Order) {
    id = order.id
    waybill = order.waybill
    customerID = order.customerID
    serviceType = order.serviceType
    status = order.status
    exception = order.exception
    origin = order.shipper?.region ?? ""
    destination = order.consignee?.region ?? ""
    totalFen = order.price.totalFen
    urgent = order.isUrgent
    eta = order.eta
    createdAt = order.createdAt
  }
}

/// What a list of orders is narrowed to; every field may be left out.
public struct OrderFilter: Sendable, Equatable {
  /// Only this status.
  public var status: OrderStatus?
  /// Only this customer's orders.
  public var customer: Identifier?
  /// Only this kind of transport.
  public var serviceType: ServiceType?
  /// Created at or after.
  public var createdFrom: Instant?
  /// Created before.
  public var createdBefore: Instant?

  /// A filter.
  public init(
    status: OrderStatus? = nil, customer: Identifier? = nil, serviceType: ServiceType? = nil,
    createdFrom: Instant? = nil, createdBefore: Instant? = nil
  ) {
    self.status = status
    self.customer = customer
    self.serviceType = serviceType
    self.createdFrom = createdFrom
    self.createdBefore = createdBefore
  }
}

/// Lists orders newest first, by keyset over `(created_at, id)`: the cursor carries the last
/// order's creation time and id, and each page is one range scan of `orders_customer_created`
/// (with a customer) or `orders_created` / `orders_status`, however deep the page.
public enum OrderList {
  /// A page of the company's orders matching `filter`.
  public static func page(_ filter: OrderFilter, _ request: PageRequest, _ scope: TenantScope)
    throws -> Page<OrderSummary>
  {
    var conditions = ["tenant_id = $1"]
    var values: [SQLValue] = []
    func add(_ condition: String, _ value: SQLValue) {
      values.append(value)
      conditions.append(condition.replacingOccurrences(of: "?", with: "$\(values.count + 1)"))
    }
    if let customer = filter.customer { add("customer_id = ?", .integer(customer.rawValue)) }
    if let status = filter.status { add("status = ?", .text(status.rawValue)) }
    if let type = filter.serviceType { add("service_type = ?", .text(type.rawValue)) }
    if let from = filter.createdFrom { add("created_at >= ?", .integer(from.epochMilliseconds)) }
    if let before = filter.createdBefore {
      add("created_at < ?", .integer(before.epochMilliseconds))
    }
    if let cursor = request.cursor {
      guard cursor.keys.count == 2, let at = Int64(cursor.keys[0]), let id = Int64(cursor.keys[1])
      else { throw HTTPError.invalidCursor }
      values += [.integer(at), .integer(id)]
      conditions.append("(created_at, id) < ($\(values.count), $\(values.count + 1))")
    }
    let rows = try scope.query(
      """
      SELECT \(OrderStore.columns) FROM orders WHERE \(conditions.joined(separator: " AND "))
      ORDER BY created_at DESC, id DESC LIMIT \(request.limit + 1)
      """, values)
    let fetched = try rows.map { OrderSummary(try OrderStore.summary(from: $0)) }
    return Page(fetched: fetched, limit: request.limit) {
      Cursor(keys: [String($0.createdAt.epochMilliseconds), $0.id.description])
    }
  }
}
