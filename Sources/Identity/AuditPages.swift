import Foundation
import FreightdeskCore
import Storage
import Web

/// The audit trail at `/app/audit` (filter, newest first, page by page), its CSV export at
/// `/app/audit.csv`, and the same list at `/api/v1/audit-entries`.
enum AuditPages {
  static let pageSize = 50

  static func register(_ routes: ModuleRoutes, service: IdentityService, page: SignedInPage) {
    let database = service.database
    let read = IdentityPermission.auditRead
    routes.app.get(
      "/audit",
      Web.Operation(
        id: "getAuditPage", summary: "The audit trail", tag: "Audit", permission: read,
        style: .page)
    ) { request, context in
      let query = try self.query(from: request, timeZone: context.timeZone)
      let records = try context.read(database) { try AuditLog.records(matching: query, in: $0) }
      return render(context, records: records, request: request, query: query, page: page)
    }
    routes.app.get(
      "/audit.csv",
      Web.Operation(
        id: "getAuditCSV", summary: "The audit trail as CSV", tag: "Audit", permission: read,
        style: .plain)
    ) { request, context in
      var query = try self.query(from: request, timeZone: context.timeZone)
      query.beforeSequence = nil
      let csv = try context.read(database) { try AuditLog.exportCSV(query: query, in: $0) }
      return Response(
        status: 200,
        headers: [
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": "attachment; filename=\"audit.csv\"",
        ],
        body: Array(csv.utf8))
    }
    routes.api.get(
      "/audit-entries",
      Web.Operation(
        id: "listAuditEntries", summary: "The audit trail, newest first", tag: "Audit",
        permission: read, responseBody: .of(Page<AuditEntryView>.self),
        queryParameters: [
          .init("entity", "Only this kind of record, e.g. user"),
          .init("action", "Only this action, e.g. login"),
          .init("limit", "Entries per page (1-200)", type: "integer"),
          .init("cursor", "The next_cursor of the previous page"),
        ])
    ) { request, context in
      let pageRequest = try PageRequest(from: request)
      var query = try self.query(from: request, timeZone: context.timeZone)
      query.limit = pageRequest.limit + 1
      query.beforeSequence = try pageRequest.integerKey()
      let records = try context.read(database) { try AuditLog.records(matching: query, in: $0) }
      return try JSONBody.response(
        Page(fetched: records.map(AuditEntryView.init), limit: pageRequest.limit) {
          Cursor(keys: [String($0.sequence)])
        })
    }
  }

  /// The filters in the query string: `entity`, `action`, `from` and `to` (dates in the
  /// company's zone, `to` inclusive), `before` (a sequence number, for paging).
  static func query(from request: Request, timeZone: TimeZone) throws -> AuditQuery {
    var query = AuditQuery(limit: pageSize + 1)
    query.entity = request.queryValue("entity").flatMap { $0.isEmpty ? nil : $0 }
    query.action = request.queryValue("action").flatMap { $0.isEmpty ? nil : $0 }
    query.from = try request.queryValue("from").flatMap { try day($0, "from", timeZone) }
    query.to = try request.queryValue("to").flatMap { try day($0, "to", timeZone) }?
      .adding(seconds: 86_400)
    if let before = request.queryValue("before"), !before.isEmpty {
      guard let sequence = Int64(before) else {
        throw ValidationFailure(pointer: "/query/before", code: "invalid_format")
      }
      query.beforeSequence = sequence
    }
    return query
  }

  private static func day(_ text: String, _ name: String, _ timeZone: TimeZone) throws -> Instant? {
    if text.isEmpty { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3,
      let date = calendar.date(
        from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
      calendar.dateComponents([.year, .month, .day], from: date)
        == DateComponents(year: parts[0], month: parts[1], day: parts[2])
    else { throw ValidationFailure(pointer: "/query/\(name)", code: "invalid_format") }
    return Instant(epochMilliseconds: Int64(date.timeIntervalSince1970 * 1000))
  }

  static func render(
    _ context: AuthenticatedContext, records: [AuditRecord], request: Request, query: AuditQuery,
    page: SignedInPage
  ) -> Response {
    let shown = records.prefix(pageSize)
    let filters = ["entity", "action", "from", "to"].map { ($0, request.queryValue($0) ?? "") }
    let filterQuery = filters.filter { !$0.1.isEmpty }
      .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
      .joined(separator: "&")
    return page.render(context, path: "/app/audit", titleKey: "audit.title") { t in
      HTML.h1(.class("h3")) { t("audit.title") }
      HTML.form(.method("get"), .action("/app/audit"), .class("row", "g-2", "mb-3")) {
        for (name, value) in filters {
          HTML.div(.class("col-sm-6", "col-lg-2")) {
            HTML.label(.class("form-label", "small"), .for("audit-\(name)")) { t("audit.\(name)") }
            HTML.input(
              .class("form-control", "form-control-sm"), .id("audit-\(name)"), .name(name),
              .value(value), .type(name == "from" || name == "to" ? "date" : "text"))
          }
        }
        HTML.div(.class("col-lg-4", "d-flex", "align-items-end", "gap-2")) {
          FormControls.submit(t("common.search"), style: "btn-sm btn-primary")
          HTML.a(
            .class("btn", "btn-sm", "btn-outline-secondary"), .href("/app/audit.csv?\(filterQuery)")
          ) {
            t("audit.export")
          }
        }
      }
      if shown.isEmpty {
        HTML.p { t("common.no_results") }
      } else {
        HTML.div(.class("table-responsive")) {
          HTML.table(.class("table", "table-sm", "small")) {
            HTML.thead {
              HTML.tr {
                for column in ["time", "actor", "entity", "action", "change", "address"] {
                  HTML.th { t("audit.column.\(column)") }
                }
              }
            }
            HTML.tbody {
              for record in shown {
                HTML.tr {
                  HTML.td { t.dateTime(record.occurredAt) }
                  HTML.td { record.entry.actor.name }
                  HTML.td { record.entry.entity + (record.entry.entityID.map { " #\($0)" } ?? "") }
                  HTML.td { record.entry.action }
                  HTML.td(.class("text-break")) { record.entry.after ?? record.entry.before ?? "" }
                  HTML.td { record.entry.clientAddress ?? "" }
                }
              }
            }
          }
        }
        if records.count > pageSize, let last = shown.last {
          HTML.a(
            .class("btn", "btn-sm", "btn-outline-secondary"),
            .href(
              "/app/audit?\(filterQuery)\(filterQuery.isEmpty ? "" : "&")before=\(last.sequence)")
          ) { t("common.next_page") }
        }
      }
    }
  }
}

/// An audit entry as the API shows it.
struct AuditEntryView: Codable, Sendable {
  var sequence: Int64
  var occurredAt: Instant
  var actorKind: String
  var actorID: Identifier?
  var actorName: String
  var entity: String
  var entityID: Identifier?
  var action: String
  var before: String?
  var after: String?
  var requestID: String?
  var clientAddress: String?
  var hash: String

  enum CodingKeys: String, CodingKey {
    case sequence, entity, action, before, after, hash
    case occurredAt = "occurred_at"
    case actorKind = "actor_kind"
    case actorID = "actor_id"
    case actorName = "actor_name"
    case entityID = "entity_id"
    case requestID = "request_id"
    case clientAddress = "client_address"
  }

  init(_ record: AuditRecord) {
    sequence = record.sequence
    occurredAt = record.occurredAt
    actorKind = record.entry.actor.kind.rawValue
    actorID = record.entry.actor.id
    actorName = record.entry.actor.name
    entity = record.entry.entity
    entityID = record.entry.entityID
    action = record.entry.action
    before = record.entry.before
    after = record.entry.after
    requestID = record.entry.requestID
    clientAddress = record.entry.clientAddress
    hash = record.hash
  }
}
