import Foundation
import FreightdeskCore
import Identity
import Storage
import TestSupport
import Testing
import Web

extension TestApp {
  /// Sends `json` to `/api/v1` + `path` as `role` of `company`, in English unless `headers`
  /// ask for another language.
  func api(
    _ method: String, _ path: String, _ json: String = "", as role: BuiltinRole,
    of company: TestCompany, headers: [String: String] = [:]
  ) throws -> HTTPClient.Response {
    var all = headers
    all["Accept-Language"] = all["Accept-Language"] ?? "en"
    all["Authorization"] = "Bearer \(company.tokens[role]!)"
    return json.isEmpty
      ? try client.send(method, "/api/v1" + path, headers: all)
      : try client.sendJSON(method, "/api/v1" + path, json, headers: all)
  }

  /// A company with the list card Shanghai → Guangdong: ¥2.00/kg under 100 kg, ¥1.50 above,
  /// minimum ¥50, fuel 5 %, urgent +20 %, cold chain ¥120, night ¥30.
  func makeOrdersCompany(_ slug: String = "shunda") throws -> TestCompany {
    let company = try makeCompany(slug)
    let card = try api(
      "POST", "/rate-cards",
      """
      {"name": "标准价", "is_list": true, "fuel_basis_points": 500,
       "lanes": [{"origin": "上海市", "destination": "广东省", "minimum_charge_fen": 5000,
         "breaks": [{"basis": "weight", "from": 0, "rate_fen": 200},
                    {"basis": "weight", "from": 100, "rate_fen": 150}]}],
       "surcharges": [{"service": "cold_chain", "fixed_fen": 12000},
                      {"service": "urgent", "percent_basis_points": 2000},
                      {"service": "night", "fixed_fen": 3000}],
       "insurance": {"rate_basis_points": 30, "minimum_fen": 200,
                     "declared_value_max_fen": 50000000}}
      """, as: .admin, of: company)
    guard card.status == 201 else { throw HTTPClient.Failure.malformedResponse(card.text) }
    return company
  }

  /// A customer of `company` with the given rating and limit (in fen), monthly settlement.
  func makeCustomer(
    _ name: String, rating: String, limitFen: Int64, of company: TestCompany
  ) throws -> Int64 {
    let created = try api("POST", "/customers", #"{"name": "\#(name)"}"#, as: .sales, of: company)
    guard created.status == 201, let id = (created.json["id"] as? NSNumber)?.int64Value else {
      throw HTTPClient.Failure.malformedResponse(created.text)
    }
    let terms = try api(
      "PUT", "/customers/\(id)/terms",
      """
      {"settlement": "monthly", "billing_day": 5, "payment_days": 30,
       "credit_rating": "\(rating)", "credit_limit_fen": \(limitFen)}
      """, as: .finance, of: company, headers: ["If-Match": created.headers["etag"] ?? ""])
    guard terms.status == 200 else { throw HTTPClient.Failure.malformedResponse(terms.text) }
    return id
  }

  /// A customer with rating A and a ¥100,000 limit, who may order anything.
  func makeGoodCustomer(of company: TestCompany) throws -> Int64 {
    try makeCustomer("云舟电商", rating: "A", limitFen: 10_000_000, of: company)
  }

  /// Places `orderJSON(customer:)` as sales and returns the new order's id.
  func placeOrder(for customer: Int64, of company: TestCompany) throws -> Int64 {
    let created = try api("POST", "/orders", orderJSON(customer: customer), as: .sales, of: company)
    guard created.status == 201, let id = created.int("id") else {
      throw HTTPClient.Failure.malformedResponse(created.text)
    }
    return id
  }

  /// A browser signed in to `company` as the user of `role` (`user-<role>`, the owner `owner`).
  func browser(_ company: TestCompany, as role: BuiltinRole) throws -> Browser {
    let browser = Browser(client)
    let answer = try browser.signIn(
      slug: company.slug, login: role == .owner ? "owner" : "user-\(role.rawValue)",
      password: company.ownerPassword)
    guard answer.status == 303 else { throw HTTPClient.Failure.malformedResponse(answer.text) }
    return browser
  }

  /// Waits up to five seconds for the outbox to deliver what `condition` looks for.
  func eventually(_ condition: () throws -> Bool) throws -> Bool {
    for _ in 0..<100 {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }
}

/// An order for `customer`: Shanghai → Shenzhen, 60 kg in three cargo lines, windows on
/// 2026-12-07 (China time), with `services`.
func orderJSON(customer: Int64, services: [String] = [], weightKg: Double = 20) -> String {
  let codes = services.map { "\"\($0)\"" }.joined(separator: ", ")
  let line = """
    {"description": "服装", "packages": 2, "weight_kg": \(weightKg), "volume_m3": 0.05}
    """
  return """
    {"customer_id": \(customer), "contact_name": "李女士", "service_type": "ltl",
     "stops": [
       {"kind": "pickup", "region": "上海市/浦东新区", "address": "张江路 88 号",
        "contact_name": "王师傅", "contact_phone": "13800001111",
        "windows": [{"start": 1796608800000, "end": 1796623200000}]},
       {"kind": "delivery", "region": "广东省/深圳市", "address": "南山区科技园 1 号",
        "contact_name": "陈先生", "contact_phone": "13912345678",
        "windows": [{"start": 1796695200000, "end": 1796709600000}]}],
     "cargo": [\(line), \(line), \(line)],
     "services": [\(codes)]}
    """
}

extension HTTPClient.Response {
  /// The problem+json `code`.
  var code: String? { json["code"] as? String }

  /// An integer field of the JSON body.
  func int(_ key: String) -> Int64? { (json[key] as? NSNumber)?.int64Value }
}
