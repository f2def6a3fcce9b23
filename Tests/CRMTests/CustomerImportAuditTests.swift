import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing

@testable import CRM

/// An import records its audit rows in batches, and still every customer and contact keeps
/// its own row, with who did it, in a chain that verifies.
@Suite struct CustomerImportAuditTests {
  @Test(arguments: Backend.allCases)
  func everyImportedCustomerAndContactKeepsItsAuditRowInAValidChain(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeCompany("acme")
    let count = CRMLimits.importAuditBatchEntriesMax + 150
    let csv =
      "客户名称,联系人,手机\n"
      + (0..<count).map { "福州顺达物流有限公司第\($0)分公司,王经理,\(13_800_000_000 + $0)" }
      .joined(separator: "\n")
    let plan = try CustomerImport.plan(
      Data(csv.utf8), mapping: nil, service: app.crm, in: company.tenant,
      bytesMax: CRMLimits.importUploadBytesMax)
    let written = try CustomerImport.write(
      plan, choice: .allOrNothing, service: app.crm, in: company.tenant, audit: testAudit(app))
    #expect(written == count)
    let rows = try app.database.read(for: company.tenant) { scope in
      try scope.query(
        """
        SELECT entity, COUNT(*) AS n, COUNT(DISTINCT entity_id) AS ids, MIN(actor_name) AS actor
        FROM audit_log WHERE tenant_id = $1 AND action = 'create'
          AND entity IN ('customer', 'customer_contact')
        GROUP BY entity ORDER BY entity
        """
      ).map {
        "\(try $0.string("entity")) \(try $0.int("n")) \(try $0.int("ids")) \(try $0.string("actor"))"
      }
    }
    // The test company's own customer was created before the import.
    #expect(
      rows == [
        "customer \(count + 1) \(count + 1) test", "customer_contact \(count) \(count) test",
      ])
    let verification = try AuditLog.verify(database: app.database)
    #expect(verification.isIntact)
  }
}
