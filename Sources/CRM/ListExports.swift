import FreightdeskCore
import Spreadsheet
import Web

/// A CRM list as a table to export: its columns and rows in the reader's language.
struct ExportTable {
  /// The column titles.
  var columns: [ExportColumn]
  /// The rows, in the columns' order.
  var rows: [[CellValue]]
}

/// One list CRM offers as a file: `/app/<path>/export.csv`, `/app/<path>/export.xlsx` and
/// `/api/v1/<path>/export?format=csv|xlsx`, all drawn by one `table` function through
/// ``ListExport``.
struct ExportableList: Sendable {
  /// The list's path, e.g. `inquiries`.
  var path: String
  /// The operation ids' stem, e.g. `Inquiries`.
  var name: String
  /// What the caller must hold.
  var permission: Permission
  /// The catalog key of the sheet's name.
  var titleKey: String
  /// The table, read for the caller.
  var table: @Sendable (AuthenticatedContext, Localizer) throws -> ExportTable

  /// Registers the list's file routes.
  func register(_ routes: ModuleRoutes) {
    for format in ListExport.Format.allCases {
      routes.app.get(
        "/\(path)/export.\(format.rawValue)",
        Web.Operation(
          id: "get\(name)Export\(format.rawValue.uppercased())",
          summary: "The \(path) list as a .\(format.rawValue) file", tag: "Exports",
          permission: permission, style: .plain)
      ) { _, context in
        try file(format, context: context)
      }
    }
    routes.api.get(
      "/\(path)/export",
      Web.Operation(
        id: "export\(name)", summary: "The \(path) list as a CSV or .xlsx file", tag: "Exports",
        permission: permission, style: .plain, queryParameters: [.init("format", "csv or xlsx")])
    ) { request, context in
      try file(try ListExport.format(request), context: context)
    }
  }

  private func file(_ format: ListExport.Format, context: AuthenticatedContext) throws
    -> Response
  {
    let t = context.localizer
    let table = try table(context, t)
    guard table.rows.count <= CRMLimits.exportRowsMax else {
      throw CRMError.exportTooLarge(rowsMax: CRMLimits.exportRowsMax)
    }
    return try ListExport.file(
      columns: table.columns, rows: table.rows, format: format, sheetName: t(titleKey), name: path)
  }
}

extension ExportableList {
  /// The buttons that download the list at `path` as CSV and .xlsx.
  static func links(_ path: String, localizer t: Localizer) -> HTML {
    HTML.div(.class("d-flex", "gap-2", "mb-3")) {
      for format in ListExport.Format.allCases {
        HTML.a(
          .class("btn", "btn-sm", "btn-outline-secondary"),
          .href("/app/\(path)/export.\(format.rawValue)")
        ) { t("crm.customers.export_\(format.rawValue)") }
      }
    }
  }
}

/// Every CRM list besides customers (whose export keeps the list's filters) as files.
enum CRMListExports {
  static func register(
    _ routes: ModuleRoutes, service: CRMService, segments: CustomerSegments,
    campaigns: Campaigns
  ) {
    let database = routes.services.database
    let rowsMax = CRMLimits.exportRowsMax + 1
    let lists = [
      ExportableList(
        path: "inquiries", name: "Inquiries", permission: CommercialPermissions.quotesRead,
        titleKey: "inquiries.title"
      ) { context, t in
        let inquiries = try context.read(database) {
          try InquiryStore.list(stage: nil, before: nil, limit: rowsMax, $0)
        }
        return ExportTable(
          columns: columns(
            t, "inquiries.number", "inquiries.contact", "inquiries.phone", "pricing.lane",
            "inquiries.cargo", "inquiries.stage"),
          rows: inquiries.map {
            text(
              $0.number, $0.contactName, $0.contactPhone, "\($0.origin) → \($0.destination)",
              $0.cargo, t("inquiries.stage.\($0.pipeline.stage.rawValue)"))
          })
      },
      ExportableList(
        path: "quotes", name: "Quotes", permission: CommercialPermissions.quotesRead,
        titleKey: "quotes.title"
      ) { context, t in
        let quotes = try context.read(database) {
          try QuoteStore.list(before: nil, limit: rowsMax, $0)
        }
        return ExportTable(
          columns: columns(
            t, "quotes.number", "pricing.lane", "pricing.total", "quotes.valid_through",
            "quotes.status"),
          rows: quotes.map {
            text(
              $0.number, "\($0.request.origin) → \($0.request.destination)",
              t.money(Money(minorUnits: $0.price.totalFen)),
              $0.lifecycle.validThrough.description,
              t("quotes.status.\($0.lifecycle.status.rawValue)"))
          })
      },
      ExportableList(
        path: "contracts", name: "Contracts", permission: CommercialPermissions.contractsRead,
        titleKey: "contracts.title"
      ) { context, t in
        let contracts = try context.read(database) { try ContractStore.list($0) }
        return ExportTable(
          columns: columns(
            t, "contracts.number", "contracts.contract_title", "pricing.customer_id",
            "contracts.valid_from", "contracts.valid_through", "contracts.settlement",
            "contracts.on_time_target"),
          rows: contracts.map {
            text(
              $0.number, $0.title, $0.customerID.description, $0.validFrom.description,
              $0.validThrough.description, t("contracts.settlement.\($0.settlement.rawValue)"),
              DisplayFormat.decimal($0.onTimeTargetBasisPoints, fractionDigits: 2))
          })
      },
      ExportableList(
        path: "rate-cards", name: "RateCards", permission: CommercialPermissions.pricingRead,
        titleKey: "rate_cards.title"
      ) { context, t in
        let cards = try context.read(database) { try RateCardStore.list($0) }
        return ExportTable(
          columns: columns(t, "rate_cards.name", "rate_cards.lanes", "rate_cards.version"),
          rows: cards.map {
            text($0.document.name, String($0.document.lanes.count), String($0.version))
          })
      },
      ExportableList(
        path: "follow-ups", name: "FollowUps", permission: CRMPermission.interactionsManage,
        titleKey: "crm.follow_ups.title"
      ) { context, t in
        ExportTable(
          columns: columns(t, "crm.follow_up.title", "crm.customer.name", "crm.follow_up.due_on"),
          rows: try service.openFollowUps(of: context.user, in: context.tenant).map {
            text($0.title, $0.customerName, $0.dueOn)
          })
      },
      ExportableList(
        path: "segments", name: "CustomerSegments", permission: CRMPermission.customersRead,
        titleKey: "crm.customer_segments.title"
      ) { context, t in
        ExportTable(
          columns: columns(t, "crm.customer_segments.name", "crm.customer_segments.customers"),
          rows: try segments.list(in: context.tenant).map {
            text($0.segment.name, String($0.customerCount))
          })
      },
      ExportableList(
        path: "campaigns", name: "Campaigns", permission: CRMPermission.customersRead,
        titleKey: "crm.campaigns.title"
      ) { context, t in
        ExportTable(
          columns: columns(
            t, "crm.campaigns.name", "crm.campaigns.starts_on", "crm.campaigns.ends_on"),
          rows: try campaigns.list(in: context.tenant).map {
            text($0.name, $0.startsOn, $0.endsOn)
          })
      },
    ]
    for list in lists { list.register(routes) }
  }

  private static func columns(_ t: Localizer, _ keys: String...) -> [ExportColumn] {
    keys.map { ExportColumn(t($0)) }
  }

  private static func text(_ values: String...) -> [CellValue] {
    values.map(CellValue.text)
  }
}
