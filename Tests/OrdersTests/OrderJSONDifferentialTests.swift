import Foundation
import FreightdeskCore
import TestSupport
import Testing

@testable import Orders

/// The API's order types through ``CompactJSONEncoder`` and ``JSONValueDecoder`` give what
/// Foundation's encoder and decoder give: the same bytes, the same values, the same errors.
@Suite struct OrderJSONDifferentialTests {
  @Test(arguments: 0..<30)
  func ordersEncodeToFoundationsBytes(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let text = randomOrderJSON(using: &generator)
    let order = try JSONValueDecoder().decode(
      Order.self, from: try #require(JSONValue.parse(Array(text.utf8))))
    // Order, its parts and its event payload write themselves (JSONWritable); these compare
    // what they write with what their Encodable conformance gives through Foundation.
    #expect(JSONDifferential.compactEncoding(order) == JSONDifferential.foundationEncoding(order))
    #expect(
      JSONDifferential.compactEncoding(order.stops)
        == JSONDifferential.foundationEncoding(order.stops))
    #expect(
      JSONDifferential.compactEncoding(order.cargo)
        == JSONDifferential.foundationEncoding(order.cargo))
    let payload = OrderEventPayload(order)
    #expect(
      JSONDifferential.compactEncoding(payload) == JSONDifferential.foundationEncoding(payload))
    #expect(
      JSONDifferential.compactEncoding(order.input)
        == JSONDifferential.foundationEncoding(order.input))
    // A new order's answer copies its stops and price from their stored columns.
    let answer = NewOrderAnswer(
      order: order, stored: OrderStore.EncodedContent(stops: order.stops, price: order.price))
    #expect(
      JSONDifferential.compactEncoding(answer) == JSONDifferential.foundationEncoding(order))
    #expect(
      JSONDifferential.treeDecoding(Order.self, text)
        == JSONDifferential.foundationDecoding(Order.self, text))
  }

  @Test(arguments: 0..<80)
  func mistypedOrdersFailAsJSONDecoderFails(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let valid = try #require(JSONValue.parse(Array(randomOrderJSON(using: &generator).utf8)))
    let text = JSONDifferential.mutated(valid, using: &generator).serialized
    #expect(
      JSONDifferential.treeDecoding(Order.self, text)
        == JSONDifferential.foundationDecoding(Order.self, text))
    let request = try #require(
      JSONValue.parse(Array(orderJSON(customer: Int64(seed) + 1, services: ["urgent"]).utf8)))
    let mistypedRequest = JSONDifferential.mutated(request, using: &generator).serialized
    #expect(
      JSONDifferential.treeDecoding(OrderInput.self, mistypedRequest)
        == JSONDifferential.foundationDecoding(OrderInput.self, mistypedRequest))
  }

  @Test func aCargoLineLeftShortDecodesWithItsDefaultsThroughBothRoutes() throws {
    // Foundation's decoder reaches the line through `init(from:)`, the tree through
    // `init(reading:)`; both must come from the one `init(members:)`, defaults included.
    let text = #"{"description": "服装", "packages": 2, "weight_kg": 20}"#
    let expected = CargoLine(description: "服装", packages: 2, weightKg: 20, volumeM3: 0)
    #expect(try JSONDecoder().decode(CargoLine.self, from: Data(text.utf8)) == expected)
    #expect(try JSONValueDecoder().decode(CargoLine.self, fromText: text) == expected)
    #expect(
      JSONDifferential.treeDecoding([CargoLine].self, "[\(text), {\"packages\": 1}]")
        == "keyNotFound(description) at /1")
  }

  /// An order as the API shows it, with 2 stops, 3 cargo lines and random optional parts.
  private func randomOrderJSON(using generator: inout SeededGenerator) -> String {
    func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &generator)] }
    func optional(_ text: String) -> String { Bool.random(using: &generator) ? text : "null" }
    let texts = ["服装", "a/b \"quoted\"", "line\nbreak", "", "Ω≈ç√", "tab\there", "😀"]
    let stops = ["pickup", "delivery"].map { kind in
      """
      {"kind": "\(kind)", "region": "上海市/浦东新区", "address": \(JSONText.quoted(pick(texts))),
       "contact_name": "王师傅", "contact_phone": "138\(Int.random(in: 10_000_000...99_999_999, using: &generator))",
       "windows": [{"start": 1796608800000, "end": \(Int.random(in: 1_796_608_800_001...1_796_708_800_000, using: &generator))}]}
      """
    }
    let cargo = (0..<3).map { _ in
      """
      {"description": \(JSONText.quoted(pick(texts))), "packages": \(Int.random(in: 1...500, using: &generator)),
       "weight_kg": \(pick([20, 0.05, 1e-7, 12.5, 1e16, 999.999])), "volume_m3": \(pick([0.05, 0, 3.25])),
       "pallets": \(Int.random(in: 0...9, using: &generator)), "declared_value_fen": \(Int64.random(in: 0...Int64.max, using: &generator)),
       "temperature_min_c": \(optional("-18")), "temperature_max_c": \(optional("4")),
       "fragile": \(Bool.random(using: &generator)), "dangerous_goods_class": \(optional("\"3\""))}
      """
    }
    return """
      {"id": \(Int64.random(in: 1...Int64.max, using: &generator)), "waybill": "TO20261204-\(Int.random(in: 1000...9999, using: &generator))",
       "customer_id": \(Int64.random(in: 1...Int64.max, using: &generator)), "contact_name": \(JSONText.quoted(pick(texts))),
       "service_type": "\(pick(ServiceType.allCases).rawValue)", "status": "\(pick(OrderStatus.allCases).rawValue)",
       "exception": \(optional("\"车辆故障\"")), "stops": [\(stops.joined(separator: ","))],
       "cargo": [\(cargo.joined(separator: ","))],
       "services": [\(OrderServiceOption.allCases.filter { _ in Bool.random(using: &generator) }.map { "\"\($0.rawValue)\"" }.joined(separator: ","))],
       "settlement": "\(pick(OrderSettlement.allCases).rawValue)",
       "price": {"lines": [{"code": "base", "amount_fen": 12000}, {"code": "urgent", "amount_fen": -300}],
                 "total_fen": 11700, "currency": "CNY", "promotion_code": \(optional("\"SPRING\""))},
       "price_frozen": \(Bool.random(using: &generator)), "quote_number": \(optional("\"QT-1\"")),
       "source": "\(pick(OrderSource.allCases).rawValue)", "notes": \(JSONText.quoted(pick(texts))),
       "eta": \(optional("1796695200000")), "delivered_at": \(optional("1796709600000")),
       "created_at": 1796600000000, "updated_at": 1796600000001, "version": \(Int.random(in: 1...40, using: &generator))}
      """
  }
}
