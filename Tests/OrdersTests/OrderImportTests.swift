import Foundation
import FreightdeskCore
import Storage
import TestSupport
import Testing
import Web

@Suite struct OrderImportTests {
  static let csv = """
    发货地区,发货地址,发货人电话,收货地区,收货地址,收货人,收货人电话,品名,件数,重量,发货日期
    上海市/浦东新区,张江路 88 号,13800001111,广东省/深圳市,南山区 1 号,陈先生,13912345678,服装,2,60,2026-12-07
    上海市/浦东新区,张江路 88 号,13800001111,广东省/广州市,天河区 2 号,林女士,139-12,鞋,1,10,2026-12-07
    上海市/浦东新区,张江路 88 号,13800001111,广东省/深圳市,福田区 3 号,黄先生,13700002222,图书,3,20,2026-12-08
    """

  @Test(arguments: Backend.allCases)
  func aPlatformExportIsPreviewedWithEachRowsProblemAndImportedAllOrValidOnly(backend: Backend)
    throws
  {
    let app = try TestApp(backend)
    let company = try app.makeOrdersCompany()
    let customer = try app.makeGoodCustomer(of: company)
    let clerk = try app.browser(company, as: .sales)
    try clerk.get("/app/orders/import")
    let preview = try clerk.upload(
      "/app/orders/import", fields: [("customer_id", String(customer))],
      file: ("file", "taobao.csv", "text/csv", Array(Self.csv.utf8)))
    #expect(preview.status == 200, "\(preview.text)")
    #expect(preview.text.contains("共 3 行：2 行有效，1 行有误。"))
    #expect(preview.text.contains("第 3 行，收货人电话"))
    let file = Data(Self.csv.utf8).base64EncodedString()
    let mapping = (0..<11).map { column in
      (
        "map/"
          + [
            "pickup_region", "pickup_address", "pickup_phone", "delivery_region",
            "delivery_address", "consignee", "consignee_phone", "goods", "packages", "weight_kg",
            "pickup_date",
          ][column], String(column)
      )
    }
    let refused = try clerk.submit(
      "/app/orders/import/confirm",
      [("file", file), ("customer_id", String(customer)), ("action", "all")] + mapping)
    #expect(refused.status == 422)
    #expect(
      try app.database.read(for: company.tenant) {
        try $0.query("SELECT COUNT(*) AS n FROM orders WHERE tenant_id = $1")[0].int("n")
      } == 0)
    let imported = try clerk.submit(
      "/app/orders/import/confirm",
      [("file", file), ("customer_id", String(customer)), ("action", "valid")] + mapping)
    #expect(imported.status == 303, "\(imported.text)")
    let orders = try app.api("GET", "/orders?customer_id=\(customer)", as: .viewer, of: company)
    let items = try #require(orders.json["items"] as? [[String: Any]])
    #expect(items.count == 2)
    #expect(Set(items.compactMap { $0["destination"] as? String }) == ["广东省/深圳市"])
    let unknownCustomer = try clerk.upload(
      "/app/orders/import", fields: [("customer_id", "42")],
      file: ("file", "taobao.csv", "text/csv", Array(Self.csv.utf8)))
    #expect(unknownCustomer.status == 400)
  }
}
