import Foundation
import FreightdeskCore
import Storage
import Web

/// What `credit_hold.decided` carries: the hold's reference (`order:<id>` for orders) and
/// whether finance approved it.
struct CreditHoldDecidedPayload: Decodable {
  var reference: String
  var status: String
  var note: String?
}

/// What Orders reads of `quote.accepted`: the quote's number and customer, the route and goods
/// it priced, and the frozen price.
struct QuoteAcceptedPayload: Decodable {
  struct Request: Decodable {
    var origin: String
    var destination: String
    var weightKg: Double
    var volumeM3: Double?
    var services: [String]?
    var declaredValueFen: Int64?

    enum CodingKeys: String, CodingKey {
      case origin, destination, services
      case weightKg = "weight_kg"
      case volumeM3 = "volume_m3"
      case declaredValueFen = "declared_value_fen"
    }
  }

  var number: String
  var customerID: Int64?
  var request: Request
  var price: OrderPrice

  enum CodingKeys: String, CodingKey {
    case number, request, price
    case customerID = "customer_id"
  }
}

/// Orders' reactions to other modules' events: finance's credit decisions and accepted quotes.
/// Each is idempotent: a decision for an order no longer on hold changes nothing, and a quote
/// already made into an order is not made again.
enum OrderEventHandlers {
  static func all(_ service: @escaping @Sendable () -> OrderService) -> [OutboxHandler] {
    [creditDecided(service), quoteAccepted(service)]
  }

  static func creditDecided(_ service: @escaping @Sendable () -> OrderService) -> OutboxHandler {
    OutboxHandler(name: "orders.credit_hold_decided", topic: "credit_hold.decided") {
      event, scope in
      let payload = try JSONValueDecoder().decode(
        CreditHoldDecidedPayload.self, fromText: event.payload)
      guard payload.reference.hasPrefix("order:"),
        let raw = Int64(payload.reference.dropFirst("order:".count))
      else { return }
      let orders = service()
      let audit = AuditContext.system("orders", log: orders.services.audit)
      do {
        try orders.decideCredit(
          of: Identifier(rawValue: raw), approved: payload.status == "approved",
          note: payload.note ?? "", audit: audit, scope)
      } catch OrdersError.orderNotFound {
        return
      }
    }
  }

  static func quoteAccepted(_ service: @escaping @Sendable () -> OrderService) -> OutboxHandler {
    OutboxHandler(name: "orders.quote_accepted", topic: "quote.accepted") { event, scope in
      let payload = try JSONValueDecoder().decode(
        QuoteAcceptedPayload.self, fromText: event.payload)
      guard let customer = payload.customerID else { return }
      let exists = try scope.query(
        "SELECT id FROM orders WHERE tenant_id = $1 AND quote_number = $2",
        [.text(payload.number)])
      guard exists.isEmpty else { return }
      let orders = service()
      _ = try orders.createFromQuote(
        payload, customer: Identifier(rawValue: customer), at: event.createdAt,
        audit: AuditContext.system("orders", log: orders.services.audit), scope)
    }
  }
}

extension OrderService {
  /// A draft made from an accepted quote: its route (addresses, contacts and windows to be
  /// completed by the clerk before it can be submitted), its goods as one cargo line named by
  /// the quote, its services, and its price frozen as quoted (cold chain included).
  func createFromQuote(
    _ quote: QuoteAcceptedPayload, customer id: Identifier, at instant: Instant,
    audit: AuditContext, _ scope: TenantScope
  ) throws -> Order? {
    guard let customer = try ports.customers.customer(id, scope) else { return nil }
    let timeZone = DisplayFormat.defaultTimeZone
    let now = services.clock.now()
    let window = [OrderTimeWindow(start: instant, end: instant.adding(seconds: 86_400))]
    let services = (quote.request.services ?? []).compactMap(OrderServiceOption.init(rawValue:))
    let order = Order(
      id: self.services.identifiers.next(),
      waybill: try DocumentNumbers.next(prefix: "TO", at: now, timeZone: timeZone, in: scope)
        .description, customerID: customer.id, contactName: "", serviceType: .ltl,
      status: .draft, exception: nil,
      stops: [
        OrderStop(
          kind: .pickup, region: quote.request.origin, address: "", contactName: "",
          contactPhone: "", windows: window),
        OrderStop(
          kind: .delivery, region: quote.request.destination, address: "", contactName: "",
          contactPhone: "", windows: window),
      ],
      cargo: [
        CargoLine(
          description: quote.number, packages: 1, weightKg: quote.request.weightKg,
          volumeM3: quote.request.volumeM3 ?? 0,
          declaredValueFen: quote.request.declaredValueFen ?? 0)
      ],
      services: services, settlement: customer.settlement, price: quote.price, priceFrozen: true,
      quoteNumber: quote.number, source: .quote, notes: "", eta: nil, deliveredAt: nil,
      createdAt: now, updatedAt: now, version: 1)
    try insert(order, by: nil, timeZone: timeZone, audit: audit, scope)
    return order
  }
}
