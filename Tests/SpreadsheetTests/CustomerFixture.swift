import FreightdeskCore
import Spreadsheet

/// A customer-like record, its fields and validator, as the CRM module will declare them.
struct CustomerFixture: Sendable, Equatable {
  static let fields = [
    ImportField("name", aliases: ["客户名称", "名称", "Customer name", "Name"], isRequired: true),
    ImportField("credit_code", aliases: ["统一社会信用代码", "信用代码", "Credit code", "USCC"]),
    ImportField("phone", aliases: ["联系电话", "电话", "手机", "Phone", "Mobile"]),
    ImportField("city", aliases: ["城市", "City"]),
  ]

  var name: String
  var creditCode: CreditCode?
  var phone: String
  var city: String

  /// Checks a row: a name, a valid credit code when one is given, an 11-digit mainland mobile
  /// number when one is given.
  static func validated(_ row: ImportRow) -> Result<CustomerFixture, RowRejection> {
    var problems: [FieldProblem] = []
    if row["name"].isEmpty { problems.append(FieldProblem(field: "name", code: "required")) }
    var creditCode: CreditCode?
    if !row["credit_code"].isEmpty {
      do {
        creditCode = try CreditCode(row["credit_code"])
      } catch {
        problems.append(FieldProblem(field: "credit_code", error: error))
      }
    }
    let phone = row["phone"]
    if !phone.isEmpty, phone.count != 11 || !phone.hasPrefix("1") || !phone.allSatisfy(\.isASCII) {
      problems.append(
        FieldProblem(field: "phone", code: "invalid_phone", arguments: ["phone": phone]))
    }
    guard problems.isEmpty else { return .failure(RowRejection(problems)) }
    return .success(
      CustomerFixture(name: row["name"], creditCode: creditCode, phone: phone, city: row["city"]))
  }

  /// Customers are told apart by credit code.
  static func duplicates(existing: Set<String> = []) -> DuplicateRule<CustomerFixture> {
    DuplicateRule(field: "credit_code", existingKeys: existing) { $0.creditCode?.rawValue }
  }
}
