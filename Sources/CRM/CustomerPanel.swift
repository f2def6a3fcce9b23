public import FreightdeskCore
public import Web

/// What a panel on the customer 360° page is drawn with.
public struct CustomerPanelContext {
  /// The signed-in caller (tenant, permissions, CSRF token for forms).
  public let request: AuthenticatedContext
  /// The caller's language.
  public let localizer: Localizer
  /// The customer shown.
  public let customer: Customer
  /// What the page's forms failed with on the last post, if anything.
  public let form: FormState
  /// The request that asked for the page (its query holds a panel's own paging, for
  /// instance).
  public let page: Request

  /// A context.
  public init(
    request: AuthenticatedContext, localizer: Localizer, customer: Customer, form: FormState,
    page: Request
  ) {
    self.request = request
    self.localizer = localizer
    self.customer = customer
    self.form = form
    self.page = page
  }
}

/// One panel of the customer 360° page. CRM draws its own (profile, contacts, addresses,
/// terms, timeline, follow-ups); later modules (orders, finance, service) add theirs through
/// ``CRMModule/module(panels:staff:history:exposure:)``, which `App` wires, so CRM never imports them.
///
/// ```swift
/// struct ReceivablesPanel: CustomerPanel {
///   let titleKey = "finance.panel.receivables"
///   let order = 300
///   let permission = FinancePermission.receivablesRead
///   func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML { … }
/// }
/// ```
public protocol CustomerPanel: Sendable {
  /// The catalog key of the panel's heading.
  var titleKey: String { get }
  /// Its place on the page, smaller first (CRM's own use 0–99).
  var order: Int { get }
  /// What the caller must hold to see it.
  var permission: Permission { get }
  /// Whether it spans the page's width (a table with many columns); other panels take half
  /// of it on large screens.
  var isWide: Bool { get }
  /// The panel's body.
  func render(customer: Identifier, context: CustomerPanelContext) throws -> HTML
}

extension CustomerPanel {
  /// Panels are half the page's width unless they say otherwise.
  public var isWide: Bool { false }
}

/// The panels of the customer 360° page in their order.
public struct CustomerPanelRegistry: Sendable {
  /// Every panel, sorted by order.
  public let panels: [any CustomerPanel]

  /// A registry of `panels`.
  public init(_ panels: [any CustomerPanel]) {
    self.panels = panels.sorted { $0.order < $1.order }
  }

  /// The panels the caller may see.
  public func visible(to context: AuthenticatedContext) -> [any CustomerPanel] {
    panels.filter { context.can($0.permission) }
  }
}
