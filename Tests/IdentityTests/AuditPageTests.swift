import Foundation
import Identity
import TestSupport
import Testing

/// The audit trail as finance and administrators read it: filtered, paged, exported.
@Suite struct AuditPageTests {
  @Test(arguments: Backend.allCases)
  func theAuditTrailFiltersPagesAndExports(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let finance = ["Authorization": "Bearer \(company.tokens[.finance]!)"]
    let all = try app.client.get("/api/v1/audit-entries?limit=5", headers: finance)
    #expect(all.status == 200)
    let items = all.json["items"] as? [[String: Any]] ?? []
    #expect(items.count == 5)
    let sequences = items.compactMap { ($0["sequence"] as? NSNumber)?.int64Value }
    #expect(sequences == sequences.sorted(by: >))
    let cursor = try #require(all.json["next_cursor"] as? String)
    let next = try app.client.get(
      "/api/v1/audit-entries?limit=5&cursor=\(cursor)", headers: finance)
    let nextSequences = (next.json["items"] as? [[String: Any]] ?? []).compactMap {
      ($0["sequence"] as? NSNumber)?.int64Value
    }
    #expect(nextSequences.allSatisfy { $0 < sequences.last! })
    let tokens = try app.client.get("/api/v1/audit-entries?entity=api_token", headers: finance)
    #expect(
      (tokens.json["items"] as? [[String: Any]] ?? []).allSatisfy {
        $0["entity"] as? String == "api_token"
      })
    let page = try app.client.get("/app/audit?action=create", headers: finance)
    #expect(page.status == 200)
    #expect(page.text.contains("审计日志"))
    let csv = try app.client.get("/app/audit.csv?entity=user", headers: finance)
    #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
    #expect(csv.text.hasPrefix("\u{FEFF}sequence,id,occurred_at"))
    #expect(csv.text.contains(",user,"))
    #expect(try app.client.get("/app/audit?from=2026-13-45", headers: finance).status == 400)
    #expect(
      try app.client.get(
        "/app/audit", headers: ["Authorization": "Bearer \(company.tokens[.sales]!)"]
      ).status == 403)
  }
}
