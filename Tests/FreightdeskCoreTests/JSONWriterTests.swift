import FreightdeskCore
import TestSupport
import Testing

/// A value with every kind of member the writer offers, written by hand and compared with what
/// its Encodable conformance gives through Foundation.
private struct Shipment: JSONWritable, Equatable {
  enum Kind: String, Encodable { case parcel, pallet }

  struct Leg: JSONWritable, Equatable {
    var at: Instant
    var note: String?

    enum CodingKeys: String, CodingKey { case at, note }

    func write(to writer: inout JSONWriter) throws {
      writer.beginObject()
      try writer.member("at", at)
      writer.member("note", note)
      writer.endObject()
    }
  }

  var id: Identifier
  var kind: Kind
  var kinds: [Kind]
  var legs: [Leg]
  var weightKg: Double
  var count: Int?
  var urgent: Bool
  var firstLeg: Leg?

  enum CodingKeys: String, CodingKey {
    case id, kind, kinds, legs, count, urgent
    case weightKg = "weight_kg"
    case firstLeg = "first_leg"
  }

  func write(to writer: inout JSONWriter) throws {
    writer.beginObject()
    writer.member("count", count)
    try writer.member("first_leg", firstLeg)
    try writer.member("id", id)
    writer.member("kind", kind)
    writer.member("kinds", kinds)
    try writer.member("legs", legs)
    writer.member("urgent", urgent)
    try writer.member("weight_kg", weightKg)
    writer.endObject()
  }
}

@Suite struct JSONWriterTests {
  private let leg = Shipment.Leg(at: Instant(epochMilliseconds: 1_796_600_000_000), note: "a\"b\n")

  @Test func aWrittenValueIsWhatItsEncodableConformanceGives() {
    let full = Shipment(
      id: Identifier(rawValue: 42), kind: .pallet, kinds: [.parcel, .pallet],
      legs: [leg, Shipment.Leg(at: Instant(epochMilliseconds: 0), note: nil)], weightKg: 0.05,
      count: -7, urgent: true, firstLeg: leg)
    let bare = Shipment(
      id: Identifier(rawValue: 1), kind: .parcel, kinds: [], legs: [], weightKg: 20, count: nil,
      urgent: false, firstLeg: nil)
    for shipment in [full, bare] {
      #expect(
        JSONDifferential.compactEncoding(shipment)
          == JSONDifferential.foundationEncoding(shipment))
    }
    #expect(
      JSONDifferential.compactEncoding(bare)
        == #"{"id":1,"kind":"parcel","kinds":[],"legs":[],"urgent":false,"weight_kg":20}"#)
  }

  @Test func arraysOfWritableValuesWriteThemselvesToo() {
    let legs = [leg, leg]
    #expect(JSONDifferential.compactEncoding(legs) == JSONDifferential.foundationEncoding(legs))
    let ids = [Identifier(rawValue: 3), Identifier(rawValue: 9_007_199_254_740_993)]
    #expect(JSONDifferential.compactEncoding(ids) == "[3,9007199254740993]")
  }

  @Test func aNumberJSONCannotHoldIsRefused() {
    let shipment = Shipment(
      id: Identifier(rawValue: 1), kind: .parcel, kinds: [], legs: [], weightKg: .nan,
      count: nil, urgent: false, firstLeg: nil)
    #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(shipment) }
  }
}
