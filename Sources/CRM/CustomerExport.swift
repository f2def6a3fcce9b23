import Foundation
import FreightdeskCore
import Spreadsheet
import Web

/// The customer list as a file: `/app/customers/export.csv`, `/app/customers/export.xlsx` and
/// `/api/v1/customers/export?format=csv|xlsx`, with the list's filters and column titles in
/// the user's language.
enum CustomerExport {
  typealias Format = ListExport.Format

  static func register(_ routes: ModuleRoutes, service: CRMService) {
    for format in Format.allCases {
      routes.app.get(
        "/customers/export.\(format.rawValue)",
        Web.Operation(
          id: "getCustomersExport\(format.rawValue.uppercased())",
          summary: "The filtered customer list as a .\(format.rawValue) file", tag: "Customers",
          permission: CRMPermission.customersRead, style: .plain)
      ) { request, context in
        try response(format, request: request, context: context, service: service)
      }
    }
    routes.api.get(
      "/customers/export",
      Web.Operation(
        id: "exportCustomers", summary: "The filtered customer list as a CSV or .xlsx file",
        tag: "Customers", permission: CRMPermission.customersRead, style: .plain,
        queryParameters: [
          .init("format", "csv or xlsx"),
          .init("status", "prospect, active, dormant or lost"),
          .init("owner_id", "The owning sales rep's user id", type: "integer"),
          .init("segment", "A platform segment code"), .init("tag", "A tag"),
          .init("q", "Text in the name, short name or a contact's mobile"),
        ])
    ) { request, context in
      try response(
        try ListExport.format(request), request: request, context: context, service: service)
    }
  }

  /// The file of the customers matching the request's filters.
  static func response(
    _ format: Format, request: Request, context: AuthenticatedContext, service: CRMService
  ) throws -> Response {
    let customers = try service.customersForExport(
      try CustomerAPI.filter(request), in: context.tenant)
    return try file(
      customers, format: format, name: "customers", context: context, service: service)
  }

  /// `customers` as a file named `name` with the format's extension, columns titled in the
  /// caller's language.
  static func file(
    _ customers: [Customer], format: Format, name: String, context: AuthenticatedContext,
    service: CRMService
  ) throws -> Response {
    let segments = try service.segments(in: context.tenant)
    let staff = try service.staff.members(of: context.tenant)
    let t = context.localizer
    let rows = customers.map { row($0, segments: segments, staff: staff, localizer: t) }
    return try ListExport.file(
      columns: columns(t), rows: rows, format: format, sheetName: t("crm.customers.title"),
      name: name)
  }

  /// The header row, in the user's language.
  static func columns(_ t: Localizer) -> [ExportColumn] {
    [
      ExportColumn(t("crm.customer.name"), widthCharacters: 30),
      ExportColumn(t("crm.customer.short_name"), widthCharacters: 14),
      ExportColumn(t("crm.customer.credit_code"), widthCharacters: 22),
      ExportColumn(t("crm.customer.industry")),
      ExportColumn(t("crm.customer.segment")),
      ExportColumn(t("crm.customer.source")),
      ExportColumn(t("crm.customer.owner")),
      ExportColumn(t("crm.customer.status")),
    ]
  }

  /// One customer's cells, in the order of ``columns(_:)``.
  static func row(
    _ customer: Customer, segments: [PlatformSegment], staff: [StaffMember], localizer t: Localizer
  ) -> [CellValue] {
    [
      .text(customer.name), .text(customer.shortName), .text(customer.creditCode ?? ""),
      .text(customer.industry),
      .text(segments.first { $0.code == customer.segmentCode }?.name ?? ""),
      .text(customer.source), .text(staff.first { $0.id == customer.ownerID }?.name ?? ""),
      .text(t("crm.status.\(customer.status.rawValue)")),
    ]
  }
}
