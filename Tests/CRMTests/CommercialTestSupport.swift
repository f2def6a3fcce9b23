import CRM
import Foundation
import FreightdeskCore
import Identity
import Storage
import TestSupport
import Web

/// A company for a commercial test: the shared test company (a user and token per role).
typealias CommercialCompany = TestCompany

extension TestApp {
  /// A server with the standard modules, CRM's commercial part among them.
  static func commercial(_ backend: Backend) throws -> TestApp {
    try TestApp(backend)
  }

  /// Creates company `slug` with a user and an API token per role.
  func makeCommercialCompany(_ slug: String = "shunda") throws -> CommercialCompany {
    try makeCompany(slug)
  }

  /// A browser signed in to `company` as `login`.
  func signIn(_ company: CommercialCompany, login: String) throws -> Browser {
    let browser = Browser(client)
    try browser.get("/login")
    let answer = try browser.submit(
      "/login",
      [("company", company.slug), ("login", login), ("password", company.ownerPassword)])
    guard answer.status == 303 else { throw HTTPClient.Failure.malformedResponse(answer.text) }
    return browser
  }

  /// Sends `json` to `path` as `role` of `company`.
  func call(
    _ method: String, _ path: String, _ json: String = "", as role: BuiltinRole,
    of company: CommercialCompany, headers: [String: String] = [:]
  ) throws -> HTTPClient.Response {
    var all = headers
    all["Authorization"] = "Bearer \(company.tokens[role]!)"
    return json.isEmpty
      ? try client.send(method, path, headers: all)
      : try client.sendJSON(method, path, json, headers: all)
  }

  /// Creates the test list card (Shanghai → Guangdong) as admin and returns its id.
  @discardableResult
  func createListCard(for company: CommercialCompany, isList: Bool = true, perKgFen: Int = 200)
    throws -> Int64
  {
    let response = try call(
      "POST", "/api/v1/rate-cards",
      """
      {"name": "标准价", "is_list": \(isList), "fuel_basis_points": 500,
       "lanes": [{"origin": "上海市", "destination": "广东省", "minimum_charge_fen": 5000,
         "breaks": [{"basis": "weight", "from": 0, "rate_fen": \(perKgFen)},
                    {"basis": "weight", "from": 100, "rate_fen": 150}]}],
       "surcharges": [{"service": "cold_chain", "fixed_fen": 12000},
                      {"service": "urgent", "percent_basis_points": 2000}],
       "insurance": {"rate_basis_points": 30, "minimum_fen": 200,
                     "declared_value_max_fen": 50000000}}
      """, as: .admin, of: company)
    guard response.status == 201,
      let id = response.json["id"] as? Int64 ?? (response.json["id"] as? NSNumber)?.int64Value
    else { throw HTTPClient.Failure.malformedResponse(response.text) }
    return id
  }
}

extension HTTPClient.Response {
  /// The problem+json `code`.
  var code: String? { json["code"] as? String }
}
