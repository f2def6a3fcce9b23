import Foundation
import FreightdeskCore
import Spreadsheet
import Storage
import Web

/// Customers read from a CSV or .xlsx file: the fields and their column titles, the check of
/// each row through the same rules as the customer form, and the write of the chosen rows in
/// one transaction.
enum CustomerImport {
  /// The importable fields with their zh-CN and English column titles.
  static let fields = [
    ImportField(
      "name", aliases: ["客户名称", "公司名称", "企业名称", "名称", "Registered name", "Name", "Company"],
      isRequired: true),
    ImportField("short_name", aliases: ["简称", "客户简称", "Short name"]),
    ImportField("credit_code", aliases: ["统一社会信用代码", "信用代码", "Credit code", "USCC"]),
    ImportField("industry", aliases: ["行业", "Industry"]),
    ImportField("source", aliases: ["客户来源", "来源", "Source"]),
    ImportField("contact_name", aliases: ["联系人", "首位联系人", "Contact", "Contact name"]),
    ImportField("mobile", aliases: ["手机", "手机号", "手机号码", "联系电话", "Mobile", "Phone"]),
  ]

  /// The catalog key of each field's label.
  static let labelKeys = [
    "name": "crm.customer.name", "short_name": "crm.customer.short_name",
    "credit_code": "crm.customer.credit_code", "industry": "crm.customer.industry",
    "source": "crm.customer.source", "contact_name": "crm.import.contact_name",
    "mobile": "crm.contact.mobile",
  ]

  /// Reads and checks every row of `data` with `mapping` (the suggested one when nil), files
  /// of at most `bytesMax`; `checked` hears of each row checked (for progress).
  static func plan(
    _ data: Data, mapping: ImportMapping?, service: CRMService, in tenant: TenantID,
    bytesMax: Int = CRMLimits.importInlineBytesMax, checked: @escaping () -> Void = {}
  ) throws -> ImportPlan<PreparedCustomer> {
    guard data.count <= bytesMax else {
      throw SpreadsheetError.fileTooLarge(bytesMax: bytesMax)
    }
    let file = try SpreadsheetFile(data: data)
    let chosen = try mapping ?? ImportMapping.suggested(header: file.header(), fields: fields)
    let existing = try service.database.read(for: tenant) { try CustomerStore.creditCodes($0) }
    let duplicates = DuplicateRule<PreparedCustomer>(
      field: "credit_code", existingKeys: existing, key: { $0.customer.creditCode })
    return try ImportPlanner.plan(
      file: file, mapping: chosen, fields: fields, duplicates: duplicates
    ) { row in
      checked()
      return check(row, service: service, in: tenant)
    }
  }

  /// Writes the rows `choice` asks for in one transaction, each through the customer insert
  /// with its audit rows (recorded as one batch); returns how many were written. Any failure
  /// writes nothing.
  static func write(
    _ plan: ImportPlan<PreparedCustomer>, choice: ImportChoice, service: CRMService,
    in tenant: TenantID, audit: AuditContext
  ) throws -> Int {
    let records = try plan.records(for: choice)
    return try service.database.write(for: tenant) { scope in
      try service.insertCustomers(records, audit: audit, scope)
    }
  }

  /// One row checked by the customer form's rules; similar names are not asked about again,
  /// since the user confirms the whole preview.
  private static func check(
    _ row: ImportRow, service: CRMService, in tenant: TenantID
  ) -> Result<PreparedCustomer, RowRejection> {
    let contactName = row["contact_name"]
    let mobile = row["mobile"]
    let contact =
      contactName.isEmpty && mobile.isEmpty
      ? nil : ContactInput(name: contactName, mobile: mobile.isEmpty ? nil : mobile)
    let input = CustomerInput(
      name: row["name"], shortName: row["short_name"], creditCode: row["credit_code"],
      industry: row["industry"], source: row["source"], contact: contact,
      confirmDuplicate: true)
    do {
      return .success(try service.prepareCustomer(input, in: tenant))
    } catch let failure as ValidationFailure {
      return .failure(
        RowRejection(
          failure.fieldErrors.map {
            FieldProblem(field: field(of: $0.pointer), code: $0.code, arguments: $0.arguments)
          }))
    } catch {
      return .failure(RowRejection([FieldProblem(field: "name", code: "invalid_format")]))
    }
  }

  /// The import field a form pointer names.
  private static func field(of pointer: String) -> String {
    switch pointer {
    case "/contact/name": "contact_name"
    case "/contact/mobile": "mobile"
    default: String(pointer.split(separator: "/").last ?? "name")
    }
  }
}
