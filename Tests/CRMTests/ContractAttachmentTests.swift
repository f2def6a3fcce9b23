import Foundation
import FreightdeskCore
import TestSupport
import Testing
import Web

@testable import CRM

/// Files attached to contracts: uploaded, kept in the database, downloaded as they came.
@Suite struct ContractAttachmentTests {
  func contract(_ app: TestApp, _ company: CommercialCompany) throws -> Int64 {
    let card = try app.createListCard(for: company)
    let created = try app.call(
      "POST", "/api/v1/contracts",
      """
      {"customer_id": \(company.customerID), "title": "年度运输合同", "rate_card_id": \(card),
       "valid_from": "2026-01-01", "valid_through": "2027-06-30", "settlement": "monthly",
       "on_time_target_basis_points": 9500, "renewal_reminder_days": 30}
      """, as: .sales, of: company)
    return try #require(created.json["id"] as? Int64)
  }

  func upload(
    _ app: TestApp, _ company: CommercialCompany, _ path: String, as role: BuiltinRole,
    name: String, type: String, bytes: [UInt8]
  ) throws -> HTTPClient.Response {
    let boundary = "----contract-\(UUID().uuidString)"
    let body =
      Array(
        ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n"
          + "Content-Type: \(type)\r\n\r\n").utf8) + bytes
      + Array("\r\n--\(boundary)--\r\n".utf8)
    return try app.client.send(
      "POST", path,
      headers: [
        "Authorization": "Bearer \(company.tokens[role]!)",
        "Content-Type": "multipart/form-data; boundary=\(boundary)", "Accept-Language": "en",
      ], body: body)
  }

  @Test(arguments: Backend.allCases)
  func anAttachmentDownloadsAsItWasUploaded(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let id = try contract(app, company)
    let pdf = Array("%PDF-1.7 合同扫描件".utf8)
    let path = "/api/v1/contracts/\(id)/attachments"
    let created = try upload(
      app, company, path, as: .sales, name: "C:\\扫描\\合同1.pdf", type: "application/pdf",
      bytes: pdf)
    #expect(created.status == 201)
    #expect(created.json["file_name"] as? String == "合同1.pdf")
    let attachment = try #require(created.json["id"] as? Int64)
    let odd = try upload(
      app, company, path, as: .sales, name: "notes.html", type: "text/html", bytes: [60, 98, 62])
    #expect(odd.json["content_type"] as? String == "application/octet-stream")
    let listed = try app.call("GET", path, as: .viewer, of: company)
    #expect(listed.items.count == 2)
    let download = try app.call("GET", "\(path)/\(attachment)", as: .viewer, of: company)
    #expect(download.status == 200)
    #expect(download.body == pdf)
    #expect(download.headers["content-type"] == "application/pdf")
    #expect(download.headers["content-disposition"]?.contains("filename*=UTF-8''%E5%90%88") == true)
    let other = try app.makeCompany("other")
    let foreign = try app.client.send(
      "GET", "\(path)/\(attachment)", headers: ["Authorization": "Bearer \(other.tokens[.owner]!)"])
    #expect(foreign.status == 404)
  }

  @Test(arguments: Backend.allCases)
  func emptyTooLargeOrUnpermittedUploadsAreRefused(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let id = try contract(app, company)
    let path = "/api/v1/contracts/\(id)/attachments"
    let empty = try upload(
      app, company, path, as: .sales, name: "a.pdf", type: "application/pdf", bytes: [])
    #expect(empty.status == 400)
    let big = try upload(
      app, company, path, as: .sales, name: "a.pdf", type: "application/pdf",
      bytes: [UInt8](repeating: 65, count: CommercialLimits.contractAttachmentBytesMax + 1))
    #expect(big.status == 400)
    #expect(big.text.contains("file_too_large"))
    let denied = try upload(
      app, company, path, as: .viewer, name: "a.pdf", type: "application/pdf", bytes: [1])
    #expect(denied.status == 403)
    let missing = try upload(
      app, company, "/api/v1/contracts/1/attachments", as: .sales, name: "a.pdf",
      type: "application/pdf", bytes: [1])
    #expect(missing.status == 404)
    #expect(try app.call("GET", path, as: .viewer, of: company).items.isEmpty)
  }

  @Test(arguments: Backend.allCases)
  func staffAttachAFileOnTheContractPage(backend: Backend) throws {
    let app = try TestApp.commercial(backend)
    let company = try app.makeCommercialCompany()
    let id = try contract(app, company)
    let browser = try app.signIn(company, login: "user-sales")
    #expect(try browser.get("/app/contracts").text.contains("/app/contracts/\(id)"))
    #expect(try browser.get("/app/contracts/\(id)").status == 200)
    let saved = try browser.upload(
      "/app/contracts/\(id)/attachments",
      file: ("file", "附件一.png", "image/png", [0x89, 0x50, 0x4E, 0x47]))
    #expect(saved.status == 303)
    let page = try browser.follow(saved)
    #expect(page.text.contains("附件一.png"))
    let link = try #require(
      page.text.range(of: #"/app/contracts/\d+/attachments/\d+"#, options: .regularExpression))
    let file = try browser.get(String(page.text[link]))
    #expect(file.body == [0x89, 0x50, 0x4E, 0x47])
    #expect(file.headers["content-type"] == "image/png")
    try browser.get("/app/contracts/\(id)")
    let refused = try browser.upload(
      "/app/contracts/\(id)/attachments", file: ("file", "empty.png", "image/png", []))
    #expect(refused.status == 400)
  }
}
