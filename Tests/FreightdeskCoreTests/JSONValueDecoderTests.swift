import Foundation
import FreightdeskCore
import TestSupport
import Testing

@Suite struct JSONValueDecoderTests {
  /// Decodes `text` as `T` with both decoders and expects the same value or the same error.
  private func expectSameOutcome<T: Codable>(
    _ type: T.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      JSONDifferential.treeDecoding(type, text) == JSONDifferential.foundationDecoding(type, text),
      "\(T.self) from \(text)", sourceLocation: sourceLocation)
  }

  @Test func textIsParsedOnceAndDecodedAndNonJSONIsDataCorrupted() throws {
    let pairs = try JSONValueDecoder().decode([String: Int].self, fromText: #"{"b": 2, "a": 1}"#)
    #expect(pairs == ["a": 1, "b": 2])
    #expect {
      try JSONValueDecoder().decode([String: Int].self, fromText: #"{"b": "#)
    } throws: { error in
      guard case DecodingError.dataCorrupted(let context) = error else { return false }
      return context.codingPath.isEmpty
    }
  }

  @Test(arguments: [
    "20", "20.0", "1e2", "2.0e0", "20.5", "-0", "-1", "300", "70000", "1e300", "-1e300",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.0000000000000000001",
    "true", "\"1\"", "null", "[]", "{}",
  ])
  func integersFollowJSONDecoder(text: String) {
    expectSameOutcome(Int.self, text)
    expectSameOutcome(Int8.self, text)
    expectSameOutcome(UInt16.self, text)
    expectSameOutcome(Int32.self, text)
    expectSameOutcome(Int64.self, text)
    expectSameOutcome(UInt.self, text)
    expectSameOutcome([Int].self, "[\(text)]")
    expectSameOutcome([String: Int64].self, "{\"n\": \(text)}")
  }

  @Test(arguments: [
    "0.1", "20", "-0.0", "1e300", "3.4e39", "1.5e-7", "true", "\"0.1\"", "null", "[1]",
  ])
  func floatingPointNumbersFollowJSONDecoder(text: String) {
    expectSameOutcome(Double.self, text)
    expectSameOutcome(Float.self, text)
    expectSameOutcome([String: Float].self, "{\"x\": \(text)}")
  }

  @Test(arguments: ["true", "false", "0", "1", "\"true\"", "null", "\"\"", "\"é中\"", "{}"])
  func boolsAndStringsFollowJSONDecoder(text: String) {
    expectSameOutcome(Bool.self, text)
    expectSameOutcome(String.self, text)
    expectSameOutcome([Bool?].self, "[\(text)]")
    expectSameOutcome([String?].self, "[\(text), null]")
  }

  @Test(arguments: [
    "\"AQID\"", "\"!!\"", "\"http://x/ y\"", "\"\"", "\"https://example.com/a?b=c\"", "12.5",
    "1", "null", "\"12.345\"", "0.1", "-7",
  ])
  func foundationsSpecialTypesFollowJSONDecoder(text: String) {
    expectSameOutcome(Data.self, text)
    expectSameOutcome(URL.self, text)
    expectSameOutcome(Date.self, text)
    expectSameOutcome(Decimal.self, text)
  }

  @Test(arguments: [
    #"{"a": 1}"#, #"{"1": 2, "-3": 4}"#, #"{"x": 2}"#, "[]", "null", #"{"a": null}"#,
  ])
  func dictionariesFollowJSONDecoder(text: String) {
    expectSameOutcome([String: Int].self, text)
    expectSameOutcome([Int: Int].self, text)
    expectSameOutcome([String: Int?].self, text)
  }

  @Test(arguments: [
    #"{"count": 1, "name": "a", "tags": ["x"], "inner": {"b": 2, "list": [1, 2]}, "sup": {}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": [1]}, "super": 5}"#,
    #"{"name": "a", "tags": [], "inner": {"b": 2, "list": []}}"#,
    #"{"count": null, "name": "a", "tags": [], "inner": {"b": 2, "list": []}}"#,
    #"{"count": 1, "name": "a", "tags": null, "inner": {"b": 2, "list": []}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": null}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": []}"#,
    #"{"count": 1, "name": "a", "tags": {}, "inner": {"b": 2, "list": []}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"list": []}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": null}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": [1, 2, 3, 4]}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": ["x", 2]}}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": [null, 2]}}"#,
    #"{"count": 1, "name": 5, "tags": [], "inner": {"b": 2, "list": []}, "optional": "x"}"#,
    #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": []}, "optional": 3}"#,
    #"{"count": 1, "name": "a", "tags": [[1]], "inner": {"b": 2, "list": []}}"#,
    "[]", "null", "3",
  ])
  func nestedContainersFollowJSONDecoder(text: String) {
    expectSameOutcome(ContainerGymnastics.self, text)
    expectSameOutcome([ContainerGymnastics].self, "[\(text)]")
    expectSameOutcome([String: ContainerGymnastics].self, "{\"k\": \(text)}")
  }

  @Test(arguments: 0..<60)
  func mistypedDocumentsFailAsJSONDecoderFails(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let valid = #"""
      {"count": 1, "name": "a", "tags": ["x", "y"], "inner": {"b": 2, "list": [1, 2]},
       "optional": "o", "flags": [true, false], "ratio": 0.5, "small": -3, "when": 12.5,
       "bytes": "AQID", "link": "https://example.com/", "amount": 12}
      """#
    let tree = try #require(JSONValue.parse(Array(valid.utf8)))
    let text = JSONDifferential.mutated(tree, using: &generator).serialized
    expectSameOutcome(ContainerGymnastics.self, text)
    expectSameOutcome(Scalars.self, text)
  }

  @Test(arguments: [
    "{}", #"{"flag": null, "text": null, "ratio": null, "count": null, "big": null, "list": null}"#,
    #"{"flag": true, "text": "中", "ratio": 0.5, "count": 3, "big": 9007199254740993}"#,
    #"{"list": [1, 2], "inner": {"b": 2, "list": []}, "count": 2.0, "ratio": 1}"#,
    #"{"flag": 1}"#, #"{"text": 5}"#, #"{"ratio": "x"}"#, #"{"count": 2.5}"#, #"{"big": []}"#,
    #"{"list": [1, null]}"#, #"{"list": {}}"#, #"{"inner": {"b": "x", "list": []}}"#,
    #"{"inner": null, "list": []}"#, #"{"count": 99999999999999999999}"#,
  ])
  func optionalMembersFollowJSONDecoder(text: String) {
    expectSameOutcome(Optionals.self, text)
    expectSameOutcome([Optionals].self, "[\(text)]")
  }

  @Test func theUnkeyedContainerReportsItsEndLikeJSONDecoder() {
    expectSameOutcome(
      ContainerGymnastics.self,
      #"{"count": 1, "name": "a", "tags": [], "inner": {"b": 2, "list": [1]}}"#)
    expectSameOutcome(ArrayWalker.self, "[1]")
    expectSameOutcome(ArrayWalker.self, "[1, null, {\"b\": 1, \"list\": []}, [2], {}]")
    expectSameOutcome(ArrayWalker.self, "[1, 2, {\"b\": 1, \"list\": []}, [2]]")
    expectSameOutcome(ArrayWalker.self, "[1, 2, {\"b\": 1, \"list\": []}]")
    expectSameOutcome(ArrayWalker.self, "[1, 2, null, [2]]")
    expectSameOutcome(ArrayWalker.self, "[1, 2, {\"b\": 1, \"list\": []}, {}]")
  }
}

/// A struct decoded through every kind of container, with required, optional and nested
/// members and a super decoder.
private struct ContainerGymnastics: Codable {
  var count: Int
  var name: String
  var tags: [[String]]
  var inner: [Int]
  var innerB: Int
  var optional: String?
  var superValue: Int?

  enum Keys: String, CodingKey {
    case count, name, tags, inner, optional, sup
  }

  enum InnerKeys: String, CodingKey {
    case b, list
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    count = try container.decode(Int.self, forKey: .count)
    name = try container.decode(String.self, forKey: .name)
    var tagsContainer = try container.nestedUnkeyedContainer(forKey: .tags)
    tags = []
    while !tagsContainer.isAtEnd {
      if let text = try? tagsContainer.decode(String.self) {
        tags.append([text])
      } else {
        var nested = try tagsContainer.nestedUnkeyedContainer()
        tags.append([try nested.decode(String.self)])
      }
    }
    let inner = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
    innerB = try inner.decode(Int.self, forKey: .b)
    var list = try inner.nestedUnkeyedContainer(forKey: .list)
    self.inner = [try list.decode(Int.self)]
    if !list.isAtEnd, try list.decodeNil() == false { self.inner.append(try list.decode(Int.self)) }
    optional = try container.decodeIfPresent(String.self, forKey: .optional)
    superValue = try container.superDecoder().singleValueContainer().decode(Int?.self)
    _ = try container.superDecoder(forKey: .sup)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(count, forKey: .count)
    try container.encode(name, forKey: .name)
    try container.encode(tags, forKey: .tags)
    try container.encode(inner, forKey: .inner)
    try container.encode(innerB, forKey: .sup)
    try container.encodeIfPresent(optional, forKey: .optional)
    try container.encodeIfPresent(superValue, forKey: .count)
  }
}

/// Optional members of the kinds the keyed container decodes itself, and nested ones.
private struct Optionals: Codable {
  struct Inner: Codable {
    var b: Int
    var list: [Int]
  }
  var flag: Bool?
  var text: String?
  var ratio: Double?
  var count: Int?
  var big: Int64?
  var list: [Int]?
  var inner: Inner?
}

/// Every scalar kind as a member, for mistyped documents.
private struct Scalars: Codable {
  var flags: [Bool]
  var ratio: Double
  var small: Int8
  var when: Date
  var bytes: Data
  var link: URL
  var amount: Decimal
  var optional: String?
}

/// Walks an array with each unkeyed operation, past its end when the array is short.
private struct ArrayWalker: Codable {
  var values: [Int]

  init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    values = [try container.decode(Int.self)]
    if try !container.decodeNil() { values.append(try container.decode(Int.self)) }
    let object = try container.nestedContainer(keyedBy: JSONKeys.self)
    values.append(try object.decode(Int.self, forKey: .b))
    var nested = try container.nestedUnkeyedContainer()
    values.append(try nested.decode(Int.self))
    _ = try container.superDecoder()
  }

  enum JSONKeys: String, CodingKey {
    case b
  }

  func encode(to encoder: any Encoder) throws {
    try values.encode(to: encoder)
  }
}
