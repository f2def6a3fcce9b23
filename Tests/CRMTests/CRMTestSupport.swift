import CRM
import Foundation
import FreightdeskCore
import Identity
import TestSupport
import Web

extension TestApp {
  /// The CRM service over this app's services, with the company's users as staff.
  var crm: CRMService {
    let identity = self.identity
    return CRMService(
      services: application.services,
      staff: StaffDirectory { tenant in
        try identity.users(tenant).map { StaffMember(id: $0.id, name: $0.displayName) }
      })
  }

  /// A JSON call with `token`, in English unless told.
  @discardableResult
  func api(
    _ method: String, _ path: String, _ json: String = "", token: String?,
    headers: [String: String] = [:]
  ) throws -> HTTPClient.Response {
    var all = headers
    all["Accept-Language"] = all["Accept-Language"] ?? "en"
    if let token { all["Authorization"] = "Bearer \(token)" }
    if json.isEmpty { return try client.send(method, "/api/v1" + path, headers: all) }
    return try client.sendJSON(method, "/api/v1" + path, json, headers: all)
  }
}

extension HTTPClient.Response {
  /// The `items` of a list answer.
  var items: [[String: Any]] {
    json["items"] as? [[String: Any]] ?? []
  }
}

/// A valid credit code to create customers with (the demo company's).
let validCreditCode = "91350100M000100Y43"

/// The audit context of test set-up.
func testAudit(_ app: TestApp) -> AuditContext {
  AuditContext.system("test", log: app.crm.auditLog)
}
