import Foundation
import FreightdeskCore
import PDF
import Storage
import Web

/// The order's papers as PDF downloads: the waybill for staff (`/app/orders/{id}/waybill.pdf`),
/// the customer on the portal (`/portal/orders/{id}/waybill.pdf`, their own orders only) and
/// the API (`/api/v1/orders/{id}/waybill.pdf`), and the parcel labels for staff and the API
/// (`/app/orders/{id}/labels.pdf`, `/api/v1/orders/{id}/labels.pdf`). Downloads are reads, so
/// they leave no audit row; every status may be printed, a draft's or cancelled order's marked
/// as such.
enum WaybillRoutes {
  /// Which paper to make.
  enum Paper {
    /// The A4 waybill.
    case waybill
    /// One A6 label per package.
    case labels
  }

  static func register(
    app: RouteGroup<AuthenticatedContext>, portal: RouteGroup<AuthenticatedContext>,
    api: RouteGroup<AuthenticatedContext>, service: OrderService
  ) {
    app.get(
      "/orders/{id}/waybill.pdf",
      OrderListPage.operation("getOrderWaybillPDF", "An order's waybill", OrdersPermission.read)
    ) { request, context in
      try download(.waybill, request, context, customer: nil, service: service)
    }
    app.get(
      "/orders/{id}/labels.pdf",
      OrderListPage.operation(
        "getOrderLabelsPDF", "An order's parcel labels", OrdersPermission.read)
    ) { request, context in
      try download(.labels, request, context, customer: nil, service: service)
    }
    portal.get(
      "/orders/{id}/waybill.pdf",
      OrderListPage.operation(
        "getPortalOrderWaybillPDF", "The waybill of one of my orders", OrdersPermission.portal)
    ) { request, context in
      try download(
        .waybill, request, context, customer: try OrderPortalPages.customer(context),
        service: service)
    }
    api.get(
      "/orders/{id}/waybill.pdf",
      OrderAPI.operation(
        "getOrderWaybill", "The order's waybill as a PDF, in the caller's language",
        OrdersPermission.read, file: "application/pdf")
    ) { request, context in
      try download(.waybill, request, context, customer: nil, service: service)
    }
    api.get(
      "/orders/{id}/labels.pdf",
      OrderAPI.operation(
        "getOrderLabels",
        "The order's parcel labels as a PDF, one A6 page per package, in the caller's language",
        OrdersPermission.read, file: "application/pdf")
    ) { request, context in
      try download(.labels, request, context, customer: nil, service: service)
    }
  }

  /// The PDF of `paper` for order `{id}`; with `customer`, only that customer's order (another's
  /// is 404 like an unknown one).
  static func download(
    _ paper: Paper, _ request: Request, _ context: AuthenticatedContext, customer: Identifier?,
    service: OrderService
  ) throws -> Response {
    let id = try context.request.parameters.identifier("id")
    let (order, names) = try context.read(service.services.database) { scope in
      let order = try service.order(id, scope)
      if let customer, order.customerID != customer { throw OrdersError.orderNotFound }
      return (order, try service.ports.customers.names(of: [order.customerID], scope))
    }
    let letterhead = try service.ports.companies.letterhead(of: context.tenant)
    let subject = WaybillSubject(
      order: order, companyName: letterhead.name,
      customerName: names[order.customerID] ?? order.customerID.description,
      trackingLink: TrackingLink.url(
        company: letterhead.code, waybill: order.waybill, host: request.headers["Host"],
        forwardedProto: request.headers["X-Forwarded-Proto"]))
    let now = service.services.clock.now()
    let t = context.localizer
    let document =
      switch paper {
      case .waybill: try WaybillDocument.document(subject, localizer: t, printedAt: now)
      case .labels: try WaybillLabels.document(subject, localizer: t, printedAt: now)
      }
    let name = paper == .waybill ? order.waybill : "\(order.waybill)-labels"
    return Response(
      status: 200,
      headers: [
        "Content-Type": "application/pdf",
        "Content-Disposition": ContentDisposition.attachment(fileName: "\(name).pdf"),
        "Cache-Control": "private, no-store",
      ],
      body: try document.data())
  }
}
