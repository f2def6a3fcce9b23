import Foundation
import FreightdeskCore
import Storage
import Web

/// A quote to make: for an inquiry (priced from the inquiry unless `price` is given) or direct.
public struct NewQuote: Codable, Sendable, Equatable {
  /// The inquiry it answers.
  public var inquiryID: Int64?
  /// What to price; required without an inquiry.
  public var price: PricingRequestBody?
  /// Days it stays valid, counting today (1...90; 7 when absent).
  public var validDays: Int?

  enum CodingKeys: String, CodingKey {
    case price
    case inquiryID = "inquiry_id"
    case validDays = "valid_days"
  }
}

/// What `quote.accepted` carries for the orders module: the quote, its customer and inquiry,
/// the route and goods, the services, and the frozen price.
struct QuoteAcceptedEvent: Encodable {
  var quoteID: Int64
  var number: String
  var customerID: Int64?
  var inquiryID: Int64?
  var request: PricingRequestBody
  var price: PriceView

  enum CodingKeys: String, CodingKey {
    case number, request, price
    case quoteID = "quote_id"
    case customerID = "customer_id"
    case inquiryID = "inquiry_id"
  }
}

/// Makes quotes with a frozen price, accepts them (announcing `quote.accepted` through the
/// outbox in the same transaction) and expires them; every change is audited.
struct QuoteService {
  let services: ModuleServices

  /// Makes a quote; an inquiry it answers moves to `quoted`.
  func create(
    _ input: NewQuote, timeZone: TimeZone, user: Identifier, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> Quote {
    let validDays = input.validDays ?? 7
    guard (1...90).contains(validDays) else {
      throw ValidationFailure(
        pointer: "/valid_days", code: "out_of_range", arguments: ["min": "1", "max": "90"])
    }
    let now = services.clock.now()
    let today = CivilDate(now, in: timeZone)
    let inquiry = try input.inquiryID.map { try InquiryStore.load(Identifier(rawValue: $0), scope) }
    guard let body = input.price ?? inquiry.map(Self.pricingBody) else {
      throw ValidationFailure(pointer: "/price", code: "required")
    }
    let customer = body.customerID.map { Identifier(rawValue: $0) } ?? inquiry?.customerID
    let breakdown = try PricingService.price(
      try body.pricingRequest(today: today), customer: customer, scope)
    let quote = Quote(
      id: services.identifiers.next(),
      number: try DocumentNumbers.next(prefix: "BJ", at: now, timeZone: timeZone, in: scope)
        .description, inquiryID: inquiry?.id, customerID: customer, request: body,
      price: PriceView(breakdown),
      lifecycle: QuoteLifecycle(status: .open, validThrough: today.adding(days: validDays - 1)),
      createdAt: now)
    if let inquiry {
      try InquiryService(services: services).apply(.quote, to: inquiry.id, audit: audit, scope)
    }
    try QuoteStore.insert(quote, by: user, scope)
    try audit.record(
      entity: "quote", id: quote.id, action: "create",
      after: ["number": quote.number, "total_fen": String(quote.price.totalFen)], in: scope)
    return quote
  }

  /// Accepts quote `id` (when `accept`) or expires it.
  func decide(
    _ id: Identifier, accept: Bool, timeZone: TimeZone, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> Quote {
    accept
      ? try self.accept(id, timeZone: timeZone, audit: audit, scope)
      : try expire(id, audit: audit, scope)
  }

  /// Accepts quote `id` on today's date; its inquiry is won.
  func accept(_ id: Identifier, timeZone: TimeZone, audit: AuditContext, _ scope: TenantScope)
    throws -> Quote
  {
    var quote = try QuoteStore.load(id, scope)
    let now = services.clock.now()
    try quote.lifecycle.accept(on: CivilDate(now, in: timeZone))
    try QuoteStore.saveStatus(id, .accepted, at: now, scope)
    if let inquiry = quote.inquiryID {
      try InquiryService(services: services).apply(.win, to: inquiry, audit: audit, scope)
    }
    let event = QuoteAcceptedEvent(
      quoteID: id.rawValue, number: quote.number, customerID: quote.customerID?.rawValue,
      inquiryID: quote.inquiryID?.rawValue, request: quote.request, price: quote.price)
    _ = try services.outbox.enqueue(
      topic: "quote.accepted", payload: try QuoteStore.json(event), in: scope)
    try audit.record(
      entity: "quote", id: id, action: "accept", before: ["status": "open"],
      after: ["status": "accepted"], in: scope)
    return quote
  }

  /// Expires open quote `id`.
  func expire(_ id: Identifier, audit: AuditContext, _ scope: TenantScope) throws -> Quote {
    var quote = try QuoteStore.load(id, scope)
    try quote.lifecycle.expire()
    try QuoteStore.saveStatus(id, .expired, at: services.clock.now(), scope)
    try audit.record(
      entity: "quote", id: id, action: "expire", before: ["status": "open"],
      after: ["status": "expired"], in: scope)
    return quote
  }

  /// Expires every open quote whose last valid day has passed; returns how many.
  func expireOverdue(timeZone: TimeZone, audit: AuditContext, _ scope: TenantScope) throws
    -> Int
  {
    let overdue = try QuoteStore.overdue(
      on: CivilDate(services.clock.now(), in: timeZone), scope)
    for id in overdue {
      _ = try expire(id, audit: audit, scope)
    }
    return overdue.count
  }

  /// The price request an inquiry describes.
  static func pricingBody(_ inquiry: Inquiry) -> PricingRequestBody {
    PricingRequestBody(
      origin: inquiry.origin.description, destination: inquiry.destination.description,
      weightKg: Quantities.decimal(inquiry.weight.grams, by: 1000),
      volumeM3: Quantities.decimal(
        inquiry.volume.cubicCentimetres, by: Volume.cubicCentimetresPerCubicMetre),
      services: inquiry.services.map(\.rawValue), declaredValueFen: nil,
      customerID: inquiry.customerID?.rawValue, segment: nil,
      shipDate: nil)
  }
}
