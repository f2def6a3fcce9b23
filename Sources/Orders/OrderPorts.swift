public import FreightdeskCore
public import Storage
public import Web

/// What Orders needs to know of a customer, as the customer module keeps it.
public struct OrderCustomer: Sendable, Equatable {
  /// The customer's id.
  public var id: Identifier
  /// The name shown.
  public var name: String
  /// How the customer settles: `prepaid`, `collect` or `monthly`.
  public var settlement: OrderSettlement
  /// The credit rating, `A` (best) to `D`.
  public var creditRating: String
  /// The credit limit.
  public var creditLimit: Money
  /// The e-commerce platform segment, for promotions.
  public var segment: String?

  /// A customer.
  public init(
    id: Identifier, name: String, settlement: OrderSettlement, creditRating: String,
    creditLimit: Money, segment: String? = nil
  ) {
    self.id = id
    self.name = name
    self.settlement = settlement
    self.creditRating = creditRating
    self.creditLimit = creditLimit
    self.segment = segment
  }
}

/// The port through which Orders looks customers up without importing the customer module;
/// `App` implements it over CRM.
public protocol OrderCustomerDirectory: Sendable {
  /// The customer `id` as of `scope`'s transaction, or nil when the company has none such.
  func customer(_ id: Identifier, _ scope: TenantScope) throws -> OrderCustomer?
  /// The names of `ids` (unknown ids are left out), for lists.
  func names(of ids: Set<Identifier>, _ scope: TenantScope) throws -> [Identifier: String]
  /// Up to `limit` customers by name, for the order form's choice.
  func choices(limit: Int, _ scope: TenantScope) throws -> [(id: Identifier, name: String)]
}

/// What is to be priced for an order: the route, the goods, the services and the day.
public struct OrderPriceRequest: Sendable, Equatable {
  /// The customer, whose contract applies.
  public var customer: Identifier
  /// The customer's platform segment, for promotions.
  public var segment: String?
  /// The first pickup's region.
  public var origin: String
  /// The last delivery's region.
  public var destination: String
  /// The total weight in grams.
  public var weightGrams: Int64
  /// The total volume in cm³.
  public var volumeCubicCentimetres: Int64
  /// The extra services.
  public var services: Set<OrderServiceOption>
  /// Whether any cargo needs cold chain.
  public var coldChain: Bool
  /// The declared value to insure, when insured.
  public var declaredValue: Money?
  /// The shipping day in the company's zone.
  public var shipDate: CivilDate

  /// A request.
  public init(
    customer: Identifier, segment: String? = nil, origin: String, destination: String,
    weightGrams: Int64,
    volumeCubicCentimetres: Int64, services: Set<OrderServiceOption>, coldChain: Bool,
    declaredValue: Money?, shipDate: CivilDate
  ) {
    self.customer = customer
    self.segment = segment
    self.origin = origin
    self.destination = destination
    self.weightGrams = weightGrams
    self.volumeCubicCentimetres = volumeCubicCentimetres
    self.services = services
    self.coldChain = coldChain
    self.declaredValue = declaredValue
    self.shipDate = shipDate
  }
}

/// The port through which Orders prices a shipment with the company's rate cards, contracts and
/// promotions; `App` implements it over CRM's pricing. Its errors (no list card, no lane) reach
/// the caller unchanged.
public protocol OrderPricing: Sendable {
  /// The price of `request` with its breakdown, as of `scope`'s transaction.
  func price(_ request: OrderPriceRequest, _ scope: TenantScope) throws -> OrderPrice
}

/// What the credit check decided on an order's amount.
public enum OrderCreditOutcome: Sendable, Equatable {
  /// Within the customer's limit.
  case approved
  /// Over the limit or the rating's rule: held for finance under the given reason code.
  case held(reason: String)
}

/// The port through which confirmation runs the customer module's credit check; a hold is
/// recorded there (reference `order:<id>`) and decided by finance, and the decision comes back
/// as the outbox event `credit_hold.decided`. `App` implements it over CRM.
public protocol OrderCreditCheck: Sendable {
  /// Checks `amount` for `customer` in `scope`'s transaction, recording a hold when needed.
  func check(
    customer: OrderCustomer, amount: Money, reference: String, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> OrderCreditOutcome
}

/// A customer's message from the portal about an order or anything else.
public enum CustomerMessageKind: String, Sendable, Codable, CaseIterable {
  /// Something went wrong.
  case complaint
  /// A question.
  case question
}

/// The port through which a portal complaint or question is kept as an interaction of the
/// customer module until a service module turns them into tickets; `App` implements it.
public protocol CustomerMessages: Sendable {
  /// Records `text` of `kind` from `author` for `customer`, about `reference` (a waybill)
  /// when given.
  func record(
    _ kind: CustomerMessageKind, text: String, reference: String?, customer: Identifier,
    author: Identifier, authorName: String, in tenant: TenantID, audit: AuditContext
  ) throws
}

/// The port through which the public tracking page finds the company a visitor names by its
/// sign-in code, and documents name the carrier; `App` implements it over the module that
/// keeps companies.
public protocol TrackingCompanies: Sendable {
  /// The company whose sign-in code is `code`, or nil.
  func tenant(code: String) throws -> TenantID?
  /// How waybills name the company of `tenant`: its registered name and sign-in code.
  func letterhead(of tenant: TenantID) throws -> CompanyLetterhead
}

/// A company as its documents name it.
public struct CompanyLetterhead: Sendable, Equatable {
  /// The registered name, e.g. 顺达物流有限公司.
  public var name: String
  /// The sign-in code, which the public tracking page asks for.
  public var code: String

  /// A letterhead.
  public init(name: String, code: String) {
    self.name = name
    self.code = code
  }
}

/// Everything Orders needs from other modules, bundled for the module declaration.
public struct OrderPorts: Sendable {
  /// Customers.
  public var customers: any OrderCustomerDirectory
  /// Prices.
  public var pricing: any OrderPricing
  /// The credit check.
  public var credit: any OrderCreditCheck
  /// Complaints and questions.
  public var messages: any CustomerMessages
  /// Companies by sign-in code, for public tracking, and their names for documents.
  public var companies: any TrackingCompanies

  /// Bundles the ports.
  public init(
    customers: any OrderCustomerDirectory, pricing: any OrderPricing,
    credit: any OrderCreditCheck, messages: any CustomerMessages,
    companies: any TrackingCompanies
  ) {
    self.customers = customers
    self.pricing = pricing
    self.credit = credit
    self.messages = messages
    self.companies = companies
  }
}
