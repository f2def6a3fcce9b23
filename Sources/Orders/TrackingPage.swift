import Foundation
import FreightdeskCore
import Storage
import Web

/// How many wrong tracking guesses a client address may make: at most
/// ``OrdersLimits/trackingGuessesMax`` within ``OrdersLimits/trackingWindowSeconds``. Pure, so
/// the caller reads the guesses and passes "now".
struct TrackingThrottle: Sendable, Equatable {
  /// Guesses allowed within the window.
  var guessesMax = OrdersLimits.trackingGuessesMax
  /// The window, in seconds.
  var windowSeconds = OrdersLimits.trackingWindowSeconds

  /// Whether another guess at `now` may be checked, given the address's earlier wrong ones.
  func allows(wrongGuesses: [Instant], now: Instant) -> Bool {
    let windowStart = now.adding(seconds: -windowSeconds)
    return wrongGuesses.filter { $0 > windowStart }.count < guessesMax
  }
}

/// The public tracking page `/track`: the company's sign-in code, a waybill number and the last
/// four digits of the consignee's phone answer the order's status and nothing else. "No such
/// company", "no such waybill" and "wrong digits" get the same answer, and each client
/// address may guess wrong only a few times in a window. A waybill's QR code opens the page
/// with `?company=…&waybill=…`, which fill in the form.
enum TrackingPage {
  static func operation(_ id: String, _ summary: String) -> Web.Operation {
    Web.Operation(
      id: id, summary: summary, tag: "Tracking", permission: .public, style: .page,
      bodyBytesMax: 4_096)
  }

  static func register(_ root: RouteGroup<RequestContext>, service: OrderService) {
    root.get("/track", operation("getTrackingPage", "Track a shipment")) { request, context in
      render(
        request, context,
        state: FormState(values: [
          "company": request.queryValue("company") ?? "",
          "waybill": request.queryValue("waybill") ?? "",
        ]), status: nil)
    }
    root.post("/track", operation("postTrackingPage", "The status of a shipment")) {
      request, context in
      let form = try FormBody(request)
      try FormGuard.verify(request, form: form)
      let state = FormState(values: [
        "company": form["company"] ?? "", "waybill": form["waybill"] ?? "",
      ])
      do {
        let status = try track(
          company: form["company"] ?? "", waybill: form["waybill"] ?? "",
          phoneDigits: form["phone_last4"] ?? "", from: context.clientAddress, service: service)
        return render(request, context, state: state, status: status)
      } catch let error as OrdersError {
        return render(
          request, context,
          state: FormState(
            values: state.values,
            errors: [
              FieldError(pointer: "", code: error.code, arguments: error.arguments)
            ]), status: nil, httpStatus: error.kind.httpStatus)
      }
    }
  }

  /// The status of the order, or ``OrdersError/trackingNotFound`` /
  /// ``OrdersError/trackingThrottled``.
  static func track(
    company: String, waybill: String, phoneDigits: String, from address: String,
    service: OrderService
  ) throws -> OrderStatus {
    let code = company.trimmingCharacters(in: .whitespaces).lowercased()
    guard !code.isEmpty, code.count <= 64,
      let tenant = try service.ports.companies.tenant(code: code)
    else { throw OrdersError.trackingNotFound }
    let number = waybill.trimmingCharacters(in: .whitespaces).uppercased()
    let digits = phoneDigits.filter(\.isNumber)
    let now = service.services.clock.now()
    let throttle = TrackingThrottle()
    let found: OrderStatus? = try service.services.database.write(for: tenant) { scope in
      let earlier = try scope.query(
        """
        SELECT guessed_at FROM order_tracking_guesses
        WHERE tenant_id = $1 AND client_address = $2 AND guessed_at > $3
        """,
        [.text(address), .integer(now.adding(seconds: -throttle.windowSeconds).epochMilliseconds)]
      ).map { try $0.instant("guessed_at") }
      guard throttle.allows(wrongGuesses: earlier, now: now) else {
        throw OrdersError.trackingThrottled
      }
      if digits.count == 4, number.count <= 40,
        let (order, phone) = try OrderStore.tracked(number, scope),
        phone.filter(\.isNumber).hasSuffix(digits)
      {
        return order.status
      }
      try scope.execute(
        "DELETE FROM order_tracking_guesses WHERE tenant_id = $1 AND client_address = $2 AND guessed_at <= $3",
        [.text(address), .integer(now.adding(seconds: -throttle.windowSeconds).epochMilliseconds)])
      try scope.execute(
        """
        INSERT INTO order_tracking_guesses (tenant_id, id, client_address, guessed_at)
        VALUES ($1, $2, $3, $4)
        """,
        [
          .integer(service.services.identifiers.next().rawValue), .text(address),
          .integer(now.epochMilliseconds),
        ])
      return nil
    }
    guard let found else { throw OrdersError.trackingNotFound }
    return found
  }

  private static func render(
    _ request: Request, _ context: RequestContext, state: FormState, status: OrderStatus?,
    httpStatus: Int = 200
  ) -> Response {
    let formGuard = FormGuard.token(for: request)
    let page = context.pageContext(path: "/track", csrfToken: formGuard.token)
    let t = page.localizer
    let html = Layout.page(title: t("orders.track.title"), context: page) {
      HTML.div(.class("row", "justify-content-center")) {
        HTML.div(.class("col-md-6", "col-lg-4")) {
          HTML.h1(.class("h3", "mb-3")) { t("orders.track.title") }
          if let status {
            HTML.div(.class("alert", "alert-info"), .role("status"), .id("tracking-status")) {
              HTML.strong { state.values["waybill"] ?? "" }
              " \(t(status.labelKey))"
            }
          }
          FormControls.formErrors(state, localizer: t)
          HTML.form(.method("post"), .action("/track")) {
            FormControls.csrf(formGuard.token)
            FormControls.field(
              "company", label: t("login.company"), state: state, localizer: t,
              autocomplete: "organization")
            FormControls.field(
              "waybill", label: t("orders.field.waybill"), state: state, localizer: t)
            FormControls.field(
              "phone_last4", label: t("orders.track.phone_last4"), state: FormState(), localizer: t,
              autocomplete: "off")
            FormControls.submit(t("orders.track.submit"))
          }
        }
      }
    }
    return Response.html(html.render(), status: httpStatus).setting(cookie: formGuard.setCookie)
  }
}
