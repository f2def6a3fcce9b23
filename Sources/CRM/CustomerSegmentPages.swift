import FreightdeskCore
import Web

/// `/app/segments`: saved customer segments with live counts and a form to save one;
/// `/app/segments/{id}`: a segment's customers, its export and deletion.
enum CustomerSegmentPages {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, segments: CustomerSegments, page: SignedInPage
  ) {
    app.get(
      "/segments",
      CustomerListPage.operation(
        "getCustomerSegmentsPage", "Saved customer segments", CRMPermission.customersRead)
    ) { _, context in
      try list(context, segments: segments, page: page, state: FormState(), status: 200)
    }
    app.post(
      "/segments",
      CustomerListPage.operation(
        "postCustomerSegmentsPage", "Save a customer segment", CRMPermission.customersManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        let segment = try segments.create(
          try input(from: form), in: context.tenant,
          audit: context.audit(segments.service.auditLog))
        return page.done("/app/segments/\(segment.id)", message: "flash.created")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return try list(
          context, segments: segments, page: page, state: FormState(form: form, error: error),
          status: error.kind.httpStatus)
      }
    }
    registerDetail(app, segments: segments, page: page)
  }

  private static func registerDetail(
    _ app: RouteGroup<AuthenticatedContext>, segments: CustomerSegments, page: SignedInPage
  ) {
    app.get(
      "/segments/{id}",
      CustomerListPage.operation(
        "getCustomerSegmentPage", "A saved segment's customers", CRMPermission.customersRead)
    ) { _, context in
      let id = try CustomerSegmentAPI.segmentID(context)
      let counted = try segments.segment(id, in: context.tenant)
      let customers = try segments.customers(of: id, in: context.tenant)
      return page.render(context, path: "/app/segments", titleKey: "crm.customer_segments.title") {
        t in
        HTML.h1(.class("h3")) { counted.segment.name }
        HTML.p { t("crm.customer_segments.count", ["count": String(counted.customerCount)]) }
        HTML.div(.class("d-flex", "gap-2", "mb-3")) {
          for format in CustomerExport.Format.allCases {
            HTML.a(
              .class("btn", "btn-outline-secondary"),
              .href("/app/segments/\(id)/export.\(format.rawValue)")
            ) { t("crm.customers.export_\(format.rawValue)") }
          }
        }
        HTML.ul(.class("list-group", "mb-3"), .id("segment-customers")) {
          for customer in customers.prefix(CustomerSegmentPages.shownMax) {
            HTML.li(.class("list-group-item")) {
              HTML.a(.href("/app/customers/\(customer.id)")) { customer.name }
            }
          }
        }
        if context.can(CRMPermission.customersManage) {
          HTML.form(
            .method("post"), .action("/app/segments/\(id)/delete"),
            .data("confirm", t("common.confirm_delete"))
          ) {
            FormControls.csrf(context.csrfToken)
            FormControls.submit(t("common.delete"), style: "btn-outline-danger")
          }
        }
      }
    }
    for format in CustomerExport.Format.allCases {
      app.get(
        "/segments/{id}/export.\(format.rawValue)",
        Web.Operation(
          id: "getCustomerSegmentExport\(format.rawValue.uppercased())",
          summary: "A saved segment's customers as a .\(format.rawValue) file", tag: "Customers",
          permission: CRMPermission.customersRead, style: .plain)
      ) { _, context in
        try CustomerExport.file(
          try segments.customers(of: try CustomerSegmentAPI.segmentID(context), in: context.tenant),
          format: format, name: "segment", context: context, service: segments.service)
      }
    }
    app.post(
      "/segments/{id}/delete",
      CustomerListPage.operation(
        "postCustomerSegmentDelete", "Delete a saved segment", CRMPermission.customersManage)
    ) { _, context in
      try segments.delete(
        try CustomerSegmentAPI.segmentID(context), in: context.tenant,
        audit: context.audit(segments.service.auditLog))
      return page.done("/app/segments", message: "flash.deleted")
    }
  }

  /// The most customers the segment page lists; the export holds them all.
  static let shownMax = 200

  /// The segment the form describes.
  static func input(from form: FormBody) throws -> CustomerSegmentInput {
    var problems: [FieldError] = []
    func score(_ name: String) -> Int? {
      guard let text = CommercialForms.text(form, name) else { return nil }
      guard let value = Int(text) else {
        problems.append(FieldError(pointer: "/filter/\(name)", code: "invalid_number"))
        return nil
      }
      return value
    }
    let ownerText = CommercialForms.text(form, "owner_id")
    let owner = ownerText.flatMap(Int64.init).map(Identifier.init(rawValue:))
    if ownerText != nil && owner == nil {
      problems.append(FieldError(pointer: "/filter/owner_id", code: "unknown_user"))
    }
    let filter = CustomerSegmentFilter(
      platform: CommercialForms.text(form, "platform"),
      tags: (form["tags"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" })
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
      province: CommercialForms.text(form, "province"), city: CommercialForms.text(form, "city"),
      status: CommercialForms.text(form, "status").flatMap(CustomerStatus.init),
      ownerID: owner,
      revenueMinFen: CommercialForms.amount(form, "revenue_min", problems: &problems),
      revenueMaxFen: CommercialForms.amount(form, "revenue_max", problems: &problems),
      recencyMin: score("recency_min"), frequencyMin: score("frequency_min"),
      monetaryMin: score("monetary_min"))
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return CustomerSegmentInput(name: form["name"] ?? "", filter: filter)
  }

  private static func list(
    _ context: AuthenticatedContext, segments: CustomerSegments, page: SignedInPage,
    state: FormState, status: Int
  ) throws -> Response {
    let counted = try segments.list(in: context.tenant)
    let platforms = try segments.service.segments(in: context.tenant)
    let staff = try segments.service.staff.members(of: context.tenant)
    return page.render(
      context, path: "/app/segments", titleKey: "crm.customer_segments.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("crm.customer_segments.title") }
      ExportableList.links("segments", localizer: t)
      if counted.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("crm.customer_segments.none") }
      }
      HTML.ul(.class("list-group", "mb-4"), .id("customer-segments")) {
        for entry in counted {
          HTML.li(.class("list-group-item", "d-flex", "justify-content-between")) {
            HTML.a(.href("/app/segments/\(entry.segment.id)")) { entry.segment.name }
            HTML.span(.class("badge", "text-bg-secondary")) { String(entry.customerCount) }
          }
        }
      }
      if context.can(CRMPermission.customersManage) {
        form(context, state: state, platforms: platforms, staff: staff, localizer: t)
      }
    }
  }

  private static func form(
    _ context: AuthenticatedContext, state: FormState, platforms: [PlatformSegment],
    staff: [StaffMember], localizer t: Localizer
  ) -> HTML {
    let any = [("", t("crm.filter.all"))]
    let scores = any + RFMScore.range.map { (String($0), "≥ \($0)") }
    return HTML.form(.method("post"), .action("/app/segments"), .class("row", "g-2")) {
      FormControls.csrf(context.csrfToken)
      HTML.h2(.class("h5")) { t("crm.customer_segments.new") }
      FormControls.formErrors(state, localizer: t)
      HTML.div(.class("col-md-4")) {
        FormControls.field(
          "name", label: t("crm.customer_segments.name"), state: state, localizer: t)
      }
      HTML.div(.class("col-md-4")) {
        FormControls.select(
          "platform", label: t("crm.customer.segment"),
          options: any + platforms.map { ($0.code, $0.name) }, state: state, localizer: t)
      }
      HTML.div(.class("col-md-4")) {
        FormControls.field(
          "tags", label: t("crm.customer_segments.tags"), state: state, localizer: t,
          required: false, help: t("crm.customer_segments.tags_help"))
      }
      for name in ["province", "city"] {
        HTML.div(.class("col-md-3")) {
          FormControls.field(
            name, label: t("crm.address.\(name)"), state: state, localizer: t, required: false)
        }
      }
      HTML.div(.class("col-md-3")) {
        FormControls.select(
          "status", label: t("crm.customer.status"),
          options: any
            + CustomerStatus.allCases.map { ($0.rawValue, t("crm.status.\($0.rawValue)")) },
          state: state, localizer: t)
      }
      HTML.div(.class("col-md-3")) {
        FormControls.select(
          "owner_id", label: t("crm.customer.owner"),
          options: any + staff.map { ($0.id.description, $0.name) }, state: state, localizer: t)
      }
      for name in ["revenue_min", "revenue_max"] {
        HTML.div(.class("col-md-3")) {
          FormControls.field(
            name, label: t("crm.customer_segments.\(name)"), state: state, localizer: t,
            required: false)
        }
      }
      for name in ["recency_min", "frequency_min", "monetary_min"] {
        HTML.div(.class("col-md-2")) {
          FormControls.select(
            name, label: t("crm.customer_segments.\(name)"), options: scores, state: state,
            localizer: t)
        }
      }
      HTML.p(.class("small", "text-body-secondary")) { t("crm.customer_segments.history_help") }
      HTML.div { FormControls.submit(t("crm.customer_segments.save")) }
    }
  }
}
