import Foundation
import FreightdeskCore
import Identity
import TestSupport
import Testing
import Web

@Suite struct WaybillRouteTests {
  /// Checks that `response` is a whole PDF download named after `waybill`.
  func expectPDF(_ response: HTTPClient.Response, named name: String) {
    #expect(response.status == 200, "\(response.text.prefix(300))")
    #expect(response.headers["content-type"] == "application/pdf")
    #expect(response.body.starts(with: Array("%PDF-".utf8)))
    #expect(response.text.hasSuffix("%%EOF\n"))
    #expect(
      response.headers["content-disposition"]
        == "attachment; filename=\"\(name)\"; filename*=UTF-8''\(name)")
    #expect(response.headers["cache-control"] == "private, no-store")
  }

  @Test(arguments: Backend.allCases)
  func staffDownloadTheWaybillAndOneLabelPerPackage(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let id = try app.placeOrder(for: try app.makeGoodCustomer(of: company), of: company)
    let staff = try app.browser(company, as: .warehouse)
    let page = try staff.get("/app/orders/\(id)")
    #expect(page.text.contains("/app/orders/\(id)/waybill.pdf"))
    #expect(page.text.contains("/app/orders/\(id)/labels.pdf"))
    let waybill = try staff.get("/app/orders/\(id)/waybill.pdf")
    expectPDF(waybill, named: "TO20261204-0001.pdf")
    let labels = try staff.get("/app/orders/\(id)/labels.pdf")
    expectPDF(labels, named: "TO20261204-0001-labels.pdf")
    if Poppler.isAvailable {
      let text = try Poppler.text(waybill.body)
      #expect(text.contains("TO20261204-0001"))
      #expect(text.contains("云舟电商"))
      #expect(text.contains("2026-12-07 10:00–14:00"))
      // The order is a draft: its status is the watermark.
      #expect(text.contains("草稿"))
      // Three cargo lines of two packages each.
      #expect(try Poppler.info(labels.body)["Pages"] == "6")
    }
  }

  @Test(arguments: Backend.allCases)
  func theAPIAnswersTheWaybillAndLabelsInTheCallersLanguageAndDocumentsThem(backend: Backend)
    throws
  {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let id = try app.placeOrder(for: try app.makeGoodCustomer(of: company), of: company)
    let english = try app.api("GET", "/orders/\(id)/waybill.pdf", as: .viewer, of: company)
    expectPDF(english, named: "TO20261204-0001.pdf")
    // An integration that creates orders prints their labels too.
    let labels = try app.api("GET", "/orders/\(id)/labels.pdf", as: .viewer, of: company)
    expectPDF(labels, named: "TO20261204-0001-labels.pdf")
    if Poppler.isAvailable {
      #expect(try Poppler.text(english.body).contains("Pickup and delivery"))
      #expect(try Poppler.info(labels.body)["Pages"] == "6")
    }
    for paper in ["waybill", "labels"] {
      #expect(
        try app.api("GET", "/orders/999/\(paper).pdf", as: .viewer, of: company).status == 404)
      let refused = try app.api("GET", "/orders/\(id)/\(paper).pdf", as: .customer, of: company)
      #expect(refused.status == 403)
    }
    let document = try app.client.get("/api/openapi.json").json
    let paths = document["paths"] as? [String: Any] ?? [:]
    let path = paths["/api/v1/orders/{id}/waybill.pdf"] as? [String: Any] ?? [:]
    let get = path["get"] as? [String: Any] ?? [:]
    #expect(get["operationId"] as? String == "getOrderWaybill")
    let responses = get["responses"] as? [String: Any] ?? [:]
    let success = responses["200"] as? [String: Any] ?? [:]
    let content = success["content"] as? [String: Any] ?? [:]
    #expect(content["application/pdf"] != nil)
    let labelsPath = paths["/api/v1/orders/{id}/labels.pdf"] as? [String: Any] ?? [:]
    let labelsGet = labelsPath["get"] as? [String: Any] ?? [:]
    #expect(labelsGet["operationId"] as? String == "getOrderLabels")
  }

  @Test(arguments: Backend.allCases)
  func aCustomerDownloadsOnlyTheWaybillsOfItsOwnOrders(backend: Backend) throws {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let own = try app.placeOrder(for: company.customerID.rawValue, of: company)
    let foreign = try app.placeOrder(for: try app.makeGoodCustomer(of: company), of: company)
    let portal = try app.browser(company, as: .customer)
    #expect(
      try portal.get("/portal/orders/\(own)").text.contains("/portal/orders/\(own)/waybill.pdf"))
    expectPDF(try portal.get("/portal/orders/\(own)/waybill.pdf"), named: "TO20261204-0001.pdf")
    let other = try portal.get("/portal/orders/\(foreign)/waybill.pdf")
    let unknown = try portal.get("/portal/orders/999/waybill.pdf")
    #expect(other.status == 404)
    #expect(unknown.status == 404)
    #expect(!other.text.contains("TO20261204-0002"))
    #expect(try portal.get("/app/orders/\(own)/waybill.pdf").status == 403)
    #expect(try portal.get("/app/orders/\(own)/labels.pdf").status == 403)
    let staff = try app.browser(company, as: .sales)
    #expect(try staff.get("/app/orders/999/waybill.pdf").status == 404)
    #expect(try staff.get("/portal/orders/\(own)/waybill.pdf").status == 403)
  }
}
