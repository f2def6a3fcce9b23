public import FreightdeskCore
import Storage
public import Web

/// A customer's orders as a section of the customer 360° page: the shipments under way and the
/// latest orders (the page's figures panel already counts orders, revenue and on-time rate
/// from the same statistics). Orders cannot draw a panel of the customer module itself; `App`
/// wraps this renderer as one.
public struct OrderCustomerSection: Sendable {
  /// The most orders each list shows.
  public static let rowsMax = 8

  private let orders: OrderService

  /// A section over the shared services and the orders module's ports.
  public init(services: ModuleServices, ports: OrderPorts) {
    orders = OrderService(services: services, ports: ports)
  }

  /// The section for `customer`, in the caller's language.
  public func render(customer: Identifier, context: AuthenticatedContext, localizer t: Localizer)
    throws -> HTML
  {
    let (current, recent) = try context.read(orders.services.database) { scope in
      var filter = OrderFilter(customer: customer)
      let recent = try OrderList.page(filter, PageRequest(limit: Self.rowsMax), scope).items
      filter.status = .inTransit
      let current = try OrderList.page(filter, PageRequest(limit: Self.rowsMax), scope).items
      return (current, recent)
    }
    return HTML.group {
      HTML.h3(.class("h6")) { t("orders.panel.current") }
      OrderTables.summaries(current, localizer: t, emptyKey: "orders.panel.no_current")
      HTML.h3(.class("h6")) { t("orders.panel.recent") }
      OrderTables.summaries(recent, localizer: t, emptyKey: "orders.list.empty")
      HTML.a(.href("/app/orders?customer_id=\(customer)"), .class("small")) {
        t("orders.panel.all")
      }
    }
  }

}

/// Tables of orders shared by the staff pages and the customer section.
enum OrderTables {
  /// A table of `orders` linking to each order's page, or `emptyKey`'s text when there are none.
  static func summaries(
    _ orders: [OrderSummary], localizer t: Localizer, emptyKey: String,
    names: [Identifier: String]? = nil, selectable: Bool = false, linkBase: String = "/app/orders"
  ) -> HTML {
    HTML.group {
      if orders.isEmpty {
        HTML.p(.class("text-body-secondary")) { t(emptyKey) }
      } else {
        HTML.div(.class("table-responsive")) {
          HTML.table(.class("table", "table-sm", "align-middle")) {
            HTML.thead {
              HTML.tr {
                if selectable { HTML.th { "" } }
                HTML.th { t("orders.field.waybill") }
                if names != nil { HTML.th { t("orders.field.customer") } }
                HTML.th { t("orders.field.status") }
                HTML.th { t("orders.field.service_type") }
                HTML.th { t("orders.field.route") }
                HTML.th { t("orders.field.total") }
                HTML.th { t("orders.field.created_at") }
              }
            }
            HTML.tbody {
              for order in orders {
                HTML.tr {
                  if selectable {
                    HTML.td {
                      HTML.input(
                        .type("checkbox"), .class("form-check-input"), .name("order_id"),
                        .value(order.id.description), .aria("label", order.waybill))
                    }
                  }
                  HTML.td { HTML.a(.href("\(linkBase)/\(order.id)")) { order.waybill } }
                  if let names {
                    HTML.td { names[order.customerID] ?? order.customerID.description }
                  }
                  HTML.td { statusBadge(order.status, exception: order.exception, localizer: t) }
                  HTML.td { t(order.serviceType.labelKey) }
                  HTML.td { "\(order.origin) → \(order.destination)" }
                  HTML.td { t.money(Money(minorUnits: order.totalFen)) }
                  HTML.td { t.dateTime(order.createdAt) }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The status as a badge, with a warning badge when an exception is open.
  static func statusBadge(_ status: OrderStatus, exception: String?, localizer t: Localizer)
    -> HTML
  {
    HTML.group {
      HTML.span(.class("badge", status == .onHold ? "text-bg-warning" : "text-bg-secondary")) {
        t(status.labelKey)
      }
      if let exception {
        HTML.span(.class("badge", "text-bg-danger", "ms-1"), .title(exception)) {
          t("orders.exception.badge")
        }
      }
    }
  }
}
