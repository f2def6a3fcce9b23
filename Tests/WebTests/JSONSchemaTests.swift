import FreightdeskCore
import Testing

@testable import Web

private enum Service: String, SchemaEnumeration, Codable {
  case express, standard
}

private struct Stop: Codable {
  var city: String
  var windowStart: Int64?

  enum CodingKeys: String, CodingKey {
    case city
    case windowStart = "window_start"
  }
}

private struct Shipment: Codable {
  var reference: String
  var weightKg: Double
  var pieces: Int
  var fragile: Bool
  var service: Service
  var stops: [Stop]
  var notes: String?
  var extras: [String: String]?

  enum CodingKeys: String, CodingKey {
    case reference, pieces, fragile, service, stops, notes, extras
    case weightKg = "weight_kg"
  }
}

@Suite struct JSONSchemaTests {
  @Test func theSchemaFollowsTheTypesDecoding() throws {
    let schema = try JSONSchema.infer(Shipment.self)
    guard case .object(let properties, let openKeys) = schema else {
      Issue.record("not an object: \(schema)")
      return
    }
    #expect(!openKeys)
    let byName = Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0) })
    #expect(byName["reference"]?.schema == .string(values: nil))
    #expect(byName["weight_kg"]?.schema == .number)
    #expect(byName["pieces"]?.schema == .integer)
    #expect(byName["fragile"]?.schema == .boolean)
    #expect(byName["service"]?.schema == .string(values: ["express", "standard"]))
    #expect(byName["notes"]?.required == false)
    #expect(byName["reference"]?.required == true)
    guard case .array(.object(let stopProperties, _))? = byName["stops"]?.schema else {
      Issue.record("stops is not an array of objects")
      return
    }
    #expect(stopProperties.map(\.name) == ["city", "window_start"])
    #expect(stopProperties.last?.required == false)
    guard case .object(_, let extrasOpen)? = byName["extras"]?.schema else {
      Issue.record("extras is not a map")
      return
    }
    #expect(extrasOpen)
  }

  @Test func unknownFieldsAreFoundAtAnyDepth() {
    let body = #"""
      {"reference": "A1", "weight_kg": 1.5, "pieces": 1, "fragile": false, "service": "express",
       "stops": [{"city": "上海"}, {"city": "北京", "citty": "x"}], "extras": {"any": "key"}}
      """#
    let request = Request(
      method: .post, path: "/", headers: ["Content-Type": "application/json"],
      body: Array(body.utf8))
    let failure = #expect(throws: ValidationFailure.self) {
      try JSONBody.decode(Shipment.self, from: request)
    }
    #expect(failure?.fieldErrors == [FieldError(pointer: "/stops/1/citty", code: "unknown_field")])
  }

  @Test func anUnknownFieldsPointerEscapesSlashAndTilde() {
    let body =
      #"{"reference": "A1", "weight_kg": 1, "pieces": 1, "fragile": false, "service": "express", "stops": [], "kg/m~3": 2}"#
    let request = Request(
      method: .post, path: "/", headers: ["Content-Type": "application/json"],
      body: Array(body.utf8))
    let failure = #expect(throws: ValidationFailure.self) {
      try JSONBody.decode(Shipment.self, from: request)
    }
    #expect(failure?.fieldErrors == [FieldError(pointer: "/kg~1m~03", code: "unknown_field")])
  }

  @Test func aBodyThatIsNotJSONIsRefusedByMediaType() {
    let request = Request(method: .post, path: "/", headers: ["Content-Type": "text/plain"])
    #expect(throws: HTTPError.unsupportedMediaType(expected: "application/json")) {
      try JSONBody.decode(Shipment.self, from: request)
    }
  }
}
