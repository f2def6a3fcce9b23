import FreightdeskCore
import Orders
import Testing

/// The field rules of an order's input, without a database.
@Suite struct OrderRulesTests {
  private func input(description: String, phone: String, address: String = "张江路 88 号") throws
    -> OrderInput
  {
    let window = OrderTimeWindow(
      start: Instant(epochMilliseconds: 1_796_608_800_000),
      end: Instant(epochMilliseconds: 1_796_623_200_000))
    return OrderInput(
      customerID: Identifier(rawValue: 1), contactName: nil, serviceType: .ltl,
      stops: [
        OrderStop(
          kind: .pickup, region: "上海市/浦东新区", address: address, contactName: "",
          contactPhone: phone, windows: [window]),
        OrderStop(
          kind: .delivery, region: "广东省/深圳市", address: "南山区", contactName: "",
          contactPhone: "13912345678", windows: [window]),
      ],
      cargo: [CargoLine(description: description, packages: 1, weightKg: 20, volumeM3: 0)],
      services: nil, settlement: nil, notes: nil)
  }

  private func problems(_ input: OrderInput) -> [String] {
    do {
      _ = try OrderRules.validate(input)
      return []
    } catch {
      return error.fieldErrors.map { "\($0.pointer) \($0.code)" }
    }
  }

  @Test func lengthsCountCharactersNotBytes() throws {
    let hundred = String(repeating: "服", count: 100)
    #expect(problems(try input(description: hundred, phone: "13800001111")).isEmpty)
    #expect(
      problems(try input(description: hundred + "装", phone: "13800001111"))
        == ["/cargo/0/description too_long"])
    let emoji = String(repeating: "👨‍👩‍👧", count: 200)
    #expect(
      problems(try input(description: "x", phone: "13800001111", address: emoji)).isEmpty)
    #expect(
      problems(try input(description: "x", phone: "13800001111", address: emoji + "x"))
        == ["/stops/0/address too_long"])
  }

  @Test func spacesInAPhoneNumberAreDroppedAndFieldsTrimmed() throws {
    for phone in ["138 0000 1111", "138\u{3000}0000\u{3000}1111", " 13800001111\t"] {
      let valid = try OrderRules.validate(try input(description: " 服装 ", phone: phone))
      #expect(valid.stops[0].contactPhone == "13800001111")
      #expect(valid.cargo[0].description == "服装")
    }
    #expect(
      problems(try input(description: "服装", phone: "1380000x111"))
        == ["/stops/0/contact_phone invalid_phone"])
  }
}
