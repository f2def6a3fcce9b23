import Foundation
import FreightdeskCore
import Spreadsheet
import Storage
import Web

/// Customer imports too big for a request (over ``CRMLimits/importInlineBytesMax``, up to
/// ``CRMLimits/importUploadBytesMax``): the upload stores the file with the user's choice
/// (all or nothing, or the valid rows only) and queues a job, which checks every row with the
/// suggested columns, reporting progress, then writes the chosen rows in one transaction, or
/// nothing when the user chose all or nothing and a row is invalid. The file is deleted when
/// the job finishes. The job's message is a code the import page shows in the reader's
/// language (`crm.import.job.<code>`).
enum CustomerImportJob {
  /// The job's kind; its payload is the stored file's id.
  static let kind = "crm.customer_import"

  /// What the job reports, for `crm.import.job.<code>`.
  enum Stage: String {
    /// Checking rows; done and total count rows.
    case checking
    /// Writing the chosen rows in one transaction.
    case writing
    /// Finished: done rows written of total rows.
    case imported
    /// Finished without writing: the user chose all or nothing and some rows are invalid.
    case refusedInvalidRows = "refused_invalid_rows"
    /// Finished without writing: the file or its columns could not be read.
    case unreadable
  }

  /// Stores `data` and queues its import; returns the job.
  static func enqueue(
    _ data: Data, choice: ImportChoice, services: ModuleServices, in tenant: TenantID,
    audit: AuditContext
  ) throws -> Identifier {
    let file = services.identifiers.next()
    return try services.database.write(for: tenant) { scope in
      try scope.execute(
        """
        INSERT INTO customer_import_files (tenant_id, id, choice, content, created_at)
        VALUES ($1, $2, $3, $4, $5)
        """,
        [
          .integer(file.rawValue), .text(choice == .allOrNothing ? "all" : "valid"),
          .blob(Array(data)), .integer(services.clock.now().epochMilliseconds),
        ])
      try audit.record(
        entity: "customer_import", id: file, action: "enqueue",
        after: ["bytes": String(data.count)], in: scope)
      return try services.jobs.enqueue(kind: kind, payload: file.description, in: scope)
    }
  }

  /// The job handler, writing through `service`.
  static func handler(service: CRMService) -> JobHandler {
    JobHandler(kind: kind) { context in
      guard let id = Int64(context.job.payload) else {
        throw CRMJobError.badPayload(context.job.payload)
      }
      let file = Identifier(rawValue: id)
      guard
        let row = try context.read({ scope in
          try scope.query(
            "SELECT choice, content FROM customer_import_files WHERE tenant_id = $1 AND id = $2",
            [.integer(id)]
          ).first
        })
      else { return }
      let choice: ImportChoice = try row.string("choice") == "all" ? .allOrNothing : .validRowsOnly
      let audit = AuditContext.system("customer_import", log: service.auditLog)
      try run(
        Data(try row.blob("content")), choice: choice, context: context, service: service,
        audit: audit)
      try context.write { scope in
        try scope.execute(
          "DELETE FROM customer_import_files WHERE tenant_id = $1 AND id = $2",
          [.integer(file.rawValue)])
      }
    }
  }

  private static func run(
    _ data: Data, choice: ImportChoice, context: JobContext, service: CRMService,
    audit: AuditContext
  ) throws {
    var checked: Int64 = 0
    var leaseLost: (any Error)?
    let plan: ImportPlan<PreparedCustomer>
    do {
      plan = try CustomerImport.plan(
        data, mapping: nil, service: service, in: context.job.tenant,
        bytesMax: CRMLimits.importUploadBytesMax
      ) {
        checked += 1
        guard leaseLost == nil, checked % Int64(CRMLimits.importProgressRowsStep) == 0 else {
          return
        }
        do {
          try context.reportProgress(done: checked, total: 0, message: Stage.checking.rawValue)
        } catch {
          leaseLost = error
        }
      }
    } catch is SpreadsheetError {
      return try context.reportProgress(done: 0, total: 0, message: Stage.unreadable.rawValue)
    } catch is ImportError {
      return try context.reportProgress(done: 0, total: 0, message: Stage.unreadable.rawValue)
    }
    if let leaseLost { throw leaseLost }
    let total = Int64(plan.preview.rowCount)
    try context.reportProgress(done: 0, total: total, message: Stage.writing.rawValue)
    do {
      let written = try CustomerImport.write(
        plan, choice: choice, service: service, in: context.job.tenant, audit: audit)
      try context.reportProgress(
        done: Int64(written), total: total, message: Stage.imported.rawValue)
    } catch is ImportError {
      try context.reportProgress(
        done: 0, total: total, message: Stage.refusedInvalidRows.rawValue)
    }
  }
}
