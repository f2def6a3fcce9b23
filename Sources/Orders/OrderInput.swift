import Foundation
public import FreightdeskCore

/// An order as the API, the staff form, the portal and imports send it; checked by
/// ``OrderRules/validate(_:)`` before anything is written.
public struct OrderInput: Codable, Sendable, Equatable {
  /// The customer.
  public var customerID: Identifier
  /// Who at the customer placed it.
  public var contactName: String?
  /// The kind of transport.
  public var serviceType: ServiceType
  /// At least one pickup and one delivery.
  public var stops: [OrderStop]
  /// At least one line.
  public var cargo: [CargoLine]
  /// Extra services.
  public var services: [OrderServiceOption]?
  /// How it is paid; the customer's settlement when absent.
  public var settlement: OrderSettlement?
  /// Notes for dispatch and the driver.
  public var notes: String?

  /// The JSON members, named as the API spells them.
  public enum CodingKeys: String, CodingKey {
    case stops, cargo, services, settlement, notes
    case customerID = "customer_id"
    case contactName = "contact_name"
    case serviceType = "service_type"
  }

  /// An order to make.
  public init(
    customerID: Identifier, contactName: String? = nil, serviceType: ServiceType,
    stops: [OrderStop], cargo: [CargoLine], services: [OrderServiceOption]? = nil,
    settlement: OrderSettlement? = nil, notes: String? = nil
  ) {
    self.customerID = customerID
    self.contactName = contactName
    self.serviceType = serviceType
    self.stops = stops
    self.cargo = cargo
    self.services = services
    self.settlement = settlement
    self.notes = notes
  }
}

/// The field rules of an order, pure: every problem is collected with its JSON pointer so the
/// caller sees them all at once.
public enum OrderRules {
  /// The input trimmed and checked; throws a ``ValidationFailure`` naming every broken rule.
  public static func validate(_ input: OrderInput) throws(ValidationFailure) -> OrderInput {
    var problems: [FieldError] = []
    var clean = input
    clean.contactName = input.contactName?.trimmingWhitespace()
    clean.notes = input.notes?.trimmingWhitespace()
    problems += text(clean.contactName ?? "", "/contact_name", max: 40, optional: true)
    problems += text(
      clean.notes ?? "", "/notes", max: OrdersLimits.notesCharactersMax, optional: true)
    problems += stopProblems(&clean.stops)
    problems += cargoProblems(&clean.cargo)
    let services = clean.services ?? []
    if Set(services).count != services.count {
      problems.append(FieldError(pointer: "/services", code: "duplicate_choice"))
    }
    if services.contains(.insurance) && clean.cargo.allSatisfy({ $0.declaredValueFen <= 0 }) {
      problems.append(FieldError(pointer: "/cargo/0/declared_value_fen", code: "required"))
    }
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return clean
  }

  private static func stopProblems(_ stops: inout [OrderStop]) -> [FieldError] {
    var problems: [FieldError] = []
    if !stops.contains(where: { $0.kind == .pickup }) {
      problems.append(FieldError(pointer: "/stops", code: "pickup_required"))
    }
    if !stops.contains(where: { $0.kind == .delivery }) {
      problems.append(FieldError(pointer: "/stops", code: "delivery_required"))
    }
    if stops.count > OrdersLimits.stopsMax {
      problems.append(
        FieldError(
          pointer: "/stops", code: "too_many", arguments: ["max": String(OrdersLimits.stopsMax)]))
    }
    for index in stops.indices {
      let pointer = "/stops/\(index)"
      stops[index].region = stops[index].region.trimmingWhitespace()
      stops[index].address = stops[index].address.trimmingWhitespace()
      stops[index].contactName = stops[index].contactName.trimmingWhitespace()
      if !stops[index].contactPhone.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 }) {
        stops[index].contactPhone = stops[index].contactPhone.filter { !$0.isWhitespace }
      }
      let stop = stops[index]
      problems += text(stop.region, "\(pointer)/region", max: 60)
      problems += text(stop.address, "\(pointer)/address", max: 200)
      problems += text(stop.contactName, "\(pointer)/contact_name", max: 40, optional: true)
      if !isPhone(stop.contactPhone) {
        problems.append(FieldError(pointer: "\(pointer)/contact_phone", code: "invalid_phone"))
      }
      if stop.windows.isEmpty || stop.windows.count > OrdersLimits.windowsPerStopMax {
        problems.append(
          FieldError(
            pointer: "\(pointer)/windows", code: "out_of_range",
            arguments: ["min": "1", "max": String(OrdersLimits.windowsPerStopMax)]))
      }
      for (number, window) in stop.windows.enumerated() where window.end <= window.start {
        problems.append(
          FieldError(pointer: "\(pointer)/windows/\(number)/end", code: "must_follow_start"))
      }
    }
    return problems
  }

  private static func cargoProblems(_ cargo: inout [CargoLine]) -> [FieldError] {
    var problems: [FieldError] = []
    if cargo.isEmpty || cargo.count > OrdersLimits.cargoLinesMax {
      problems.append(
        FieldError(
          pointer: "/cargo", code: "out_of_range",
          arguments: ["min": "1", "max": String(OrdersLimits.cargoLinesMax)]))
    }
    for index in cargo.indices {
      let pointer = "/cargo/\(index)"
      cargo[index].description = cargo[index].description.trimmingWhitespace()
      let line = cargo[index]
      problems += text(line.description, "\(pointer)/description", max: 100)
      if line.packages < 1 || line.packages > OrdersLimits.packagesPerLineMax {
        problems.append(
          FieldError(
            pointer: "\(pointer)/packages", code: "out_of_range",
            arguments: ["min": "1", "max": String(OrdersLimits.packagesPerLineMax)]))
      }
      for (value, field) in [(line.weightKg, "weight_kg"), (line.volumeM3, "volume_m3")]
      where !value.isFinite || value < 0 || value > OrdersLimits.quantityPerLineMax {
        problems.append(FieldError(pointer: "\(pointer)/\(field)", code: "invalid_quantity"))
      }
      if line.weightKg <= 0 && line.volumeM3 <= 0 {
        problems.append(
          FieldError(pointer: "\(pointer)/weight_kg", code: "weight_or_volume_required"))
      }
      if line.pallets < 0 || line.declaredValueFen < 0 {
        problems.append(
          FieldError(
            pointer: "\(pointer)/\(line.pallets < 0 ? "pallets" : "declared_value_fen")",
            code: "must_not_be_negative"))
      }
      if let low = line.temperatureMinC, let high = line.temperatureMaxC, low > high {
        problems.append(
          FieldError(pointer: "\(pointer)/temperature_max_c", code: "must_follow_start"))
      }
      problems += text(
        line.dangerousGoodsClass ?? "", "\(pointer)/dangerous_goods_class", max: 10,
        optional: true)
    }
    return problems
  }

  /// A required (unless `optional`) text of at most `max` characters. The pointer is spelled
  /// only for a problem; a text no longer in bytes than `max` cannot have more characters, so
  /// most texts are not counted character by character.
  static func text(
    _ value: String, _ pointer: @autoclosure () -> String, max: Int, optional: Bool = false
  ) -> [FieldError] {
    if value.isEmpty && !optional { return [FieldError(pointer: pointer(), code: "required")] }
    if value.utf8.count > max && value.count > max {
      return [FieldError(pointer: pointer(), code: "too_long", arguments: ["max": String(max)])]
    }
    return []
  }

  /// A phone number: 7 to 20 digits, optionally with a leading `+` and `-` separators.
  static func isPhone(_ text: String) -> Bool {
    var digits = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "-"), UInt8(ascii: "+"): continue
      default: return false
      }
    }
    return (7...20).contains(digits)
  }
}
