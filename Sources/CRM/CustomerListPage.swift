import Foundation
import FreightdeskCore
import Web

/// `/app/customers`: the customer list with filters, search and paging.
enum CustomerListPage {
  static func operation(_ id: String, _ summary: String, _ permission: Permission)
    -> Web.Operation
  {
    Web.Operation(
      id: id, summary: summary, tag: "Customers", permission: permission, style: .page,
      bodyBytesMax: 16_384)
  }

  static func register(
    _ app: RouteGroup<AuthenticatedContext>, service: CRMService, page: SignedInPage
  ) {
    app.get(
      "/customers",
      operation("getCustomersPage", "The customer list", CRMPermission.customersRead)
    ) { request, context in
      let filter = try CustomerAPI.filter(request)
      let list = try service.customers(
        filter, page: try PageRequest(from: request), in: context.tenant)
      let segments = try service.segments(in: context.tenant)
      let staff = try service.staff.members(of: context.tenant)
      return page.render(context, path: "/app/customers", titleKey: "crm.customers.title") { t in
        HTML.div(.class("d-flex", "justify-content-between", "align-items-center", "mb-3")) {
          HTML.h1(.class("h3", "mb-0")) { t("crm.customers.title") }
          HTML.div(.class("d-flex", "gap-2")) {
            HTML.a(.class("btn", "btn-outline-secondary"), .href("/app/customers/segments")) {
              t("crm.segments.title")
            }
            HTML.a(.class("btn", "btn-outline-secondary"), .href("/app/customers/tags")) {
              t("crm.tags.company.title")
            }
            HTML.a(.class("btn", "btn-outline-secondary"), .href("/app/customers/tag-rules")) {
              t("crm.auto_tag.rules.link")
            }
            for format in CustomerExport.Format.allCases {
              HTML.a(
                .class("btn", "btn-outline-secondary"),
                .href("/app/customers/export.\(format.rawValue)?" + filterQuery(request))
              ) { t("crm.customers.export_\(format.rawValue)") }
            }
            if context.can(CRMPermission.customersManage) {
              HTML.a(.class("btn", "btn-outline-secondary"), .href("/app/customers/import")) {
                t("crm.import.link")
              }
              HTML.a(.class("btn", "btn-primary"), .href("/app/customers/new")) {
                t("crm.customers.new")
              }
            }
          }
        }
        filters(request, segments: segments, staff: staff, localizer: t)
        table(list.items, segments: segments, staff: staff, localizer: t)
        if let next = list.nextCursor {
          HTML.a(
            .class("btn", "btn-outline-secondary"),
            .href("/app/customers?" + query(request, cursor: next))
          ) { t("common.next_page") }
        }
      }
    }
  }

  private static func filters(
    _ request: Request, segments: [PlatformSegment], staff: [StaffMember], localizer t: Localizer
  ) -> HTML {
    let state = FormState(values: [
      "q": request.queryValue("q") ?? "", "status": request.queryValue("status") ?? "",
      "segment": request.queryValue("segment") ?? "",
      "owner_id": request.queryValue("owner_id") ?? "",
    ])
    return HTML.form(.method("get"), .action("/app/customers"), .class("row", "g-2", "mb-3")) {
      if let tag = request.queryValue("tag"), !tag.isEmpty {
        HTML.input(.type("hidden"), .name("tag"), .value(tag))
        HTML.div(.class("col-12")) {
          HTML.span(.class("badge", "text-bg-info")) { t("crm.tags.filtered", ["tag": tag]) }
        }
      }
      HTML.div(.class("col-md-4")) {
        FormControls.field(
          "q", label: t("crm.customers.search"), state: state, localizer: t, type: "search",
          required: false)
      }
      HTML.div(.class("col-md-2")) {
        FormControls.select(
          "status", label: t("crm.customer.status"),
          options: [("", t("crm.filter.all"))]
            + CustomerStatus.allCases.map {
              ($0.rawValue, t("crm.status.\($0.rawValue)"))
            }, state: state, localizer: t)
      }
      HTML.div(.class("col-md-2")) {
        FormControls.select(
          "segment", label: t("crm.customer.segment"),
          options: [("", t("crm.filter.all"))] + segments.map { ($0.code, $0.name) },
          state: state, localizer: t)
      }
      HTML.div(.class("col-md-2")) {
        FormControls.select(
          "owner_id", label: t("crm.customer.owner"),
          options: [("", t("crm.filter.all"))] + staff.map { ($0.id.description, $0.name) },
          state: state, localizer: t)
      }
      HTML.div(.class("col-md-2", "d-flex", "align-items-end", "mb-3")) {
        FormControls.submit(t("common.search"), style: "btn-outline-primary")
      }
    }
  }

  private static func table(
    _ customers: [Customer], segments: [PlatformSegment], staff: [StaffMember],
    localizer t: Localizer
  ) -> HTML {
    HTML.group {
      if customers.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("common.no_results") }
      } else {
        HTML.div(.class("table-responsive")) {
          HTML.table(.class("table", "table-hover", "align-middle")) {
            HTML.thead {
              HTML.tr {
                HTML.th { t("crm.customer.short_name") }
                HTML.th { t("crm.customer.name") }
                HTML.th { t("crm.customer.segment") }
                HTML.th { t("crm.customer.owner") }
                HTML.th { t("crm.customer.status") }
              }
            }
            HTML.tbody {
              for customer in customers {
                HTML.tr {
                  HTML.td {
                    HTML.a(.href("/app/customers/\(customer.id)")) { customer.shortName }
                  }
                  HTML.td { customer.name }
                  HTML.td { segments.first { $0.code == customer.segmentCode }?.name ?? "" }
                  HTML.td { staff.first { $0.id == customer.ownerID }?.name ?? "" }
                  HTML.td { t("crm.status.\(customer.status.rawValue)") }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The current filters with `cursor` for the next page.
  private static func query(_ request: Request, cursor: String) -> String {
    var items = URLComponents()
    items.queryItems =
      filterItems(request)
      + ["limit"].compactMap { name in
        request.queryValue(name).map { URLQueryItem(name: name, value: $0) }
      } + [URLQueryItem(name: "cursor", value: cursor)]
    return items.percentEncodedQuery ?? ""
  }

  /// The current filters alone, for the export links.
  private static func filterQuery(_ request: Request) -> String {
    var items = URLComponents()
    items.queryItems = filterItems(request)
    return items.percentEncodedQuery ?? ""
  }

  private static func filterItems(_ request: Request) -> [URLQueryItem] {
    ["q", "status", "segment", "owner_id", "tag"].compactMap { name in
      request.queryValue(name).map { URLQueryItem(name: name, value: $0) }
    }
  }
}
