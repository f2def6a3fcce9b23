import Foundation

/// The `Encoder` for one composite value: it writes the value's members into the shared
/// ``JSONOutput`` as they come and, when the value is done, puts an object's members in
/// Foundation's key order.
///
/// A member written through a container lands in the output at once; a nested container or a
/// super encoder, which the caller may fill while writing other members, gets an output of its
/// own and is spliced in when its parent finishes.
final class ValueEncoder: Encoder, CodingPathLink {
  /// What the value turned out to be.
  enum Kind {
    case none
    case single
    case object
    case array
  }

  /// One object member, or (with an empty key) a deferred array element.
  struct Member {
    let key: String
    /// The key's first eight UTF-8 bytes, big-endian and zero-padded: most keys differ in
    /// them, so most comparisons while sorting need not look at the strings.
    let keyPrefix: UInt64
    /// Where the member's `"key":value` text starts and ends in the output.
    let start: Int
    let end: Int
    /// A nested container or super encoder written into its own output.
    let deferred: ValueEncoder?

    init(key: String, start: Int, end: Int, deferred: ValueEncoder?) {
      self.key = key
      var contiguous = key
      self.keyPrefix = contiguous.withUTF8 { utf8 in
        let count = min(8, utf8.count)
        var prefix: UInt64 = 0
        for index in 0..<count { prefix = prefix << 8 | UInt64(utf8[index]) }
        return count == 0 ? 0 : prefix << (8 * (8 - count))
      }
      self.start = start
      self.end = end
      self.deferred = deferred
    }

    /// Below zero, zero or above zero as this key's UTF-8 bytes sort before, equal or after
    /// `other`'s.
    func compareKey(to other: Member) -> Int {
      if keyPrefix != other.keyPrefix { return keyPrefix < other.keyPrefix ? -1 : 1 }
      return ValueEncoder.compareUTF8(key, other.key)
    }
  }

  let output: JSONOutput
  let parent: ValueEncoder?
  let key: (any CodingKey)?
  /// Where this value's text begins in the output.
  let start: Int
  // Touched for every member from one thread, never in overlapping accesses (see JSONOutput).
  @exclusivity(unchecked) var kind = Kind.none
  @exclusivity(unchecked) var members: [Member] = []
  @exclusivity(unchecked) var elementCount = 0

  init(output: JSONOutput, parent: ValueEncoder?, key: (any CodingKey)?) {
    self.output = output
    self.parent = parent
    self.key = key
    self.start = output.bytes.count
  }

  var codingPath: [any CodingKey] { pathFromRoot }

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// Whether the value asked for a container or wrote a single value.
  var hasEncoded: Bool { kind != .none }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    precondition(kind == .none || kind == .object, "a value is either an object or not")
    if kind == .none {
      kind = .object
      // Room for a typical object's members at once, instead of regrowing at 1, 2, 4 and 8.
      members.reserveCapacity(8)
    }
    return KeyedEncodingContainer(ObjectEncodingContainer<Key>(encoder: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    precondition(kind == .none || kind == .array, "a value is either an array or not")
    if kind == .none {
      kind = .array
      output.append(raw: "[")
    }
    return ArrayEncodingContainer(encoder: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleValueJSONContainer(encoder: self)
  }

  /// The coding path of a member of this value.
  func path(appending key: any CodingKey) -> [any CodingKey] {
    codingPath + [key]
  }

  /// Writes a member's value: a scalar directly, anything else through a child encoder that
  /// writes in place.
  func append<T: Encodable>(_ value: T, key: any CodingKey) throws {
    if try Self.appendScalar(value, to: output) { return }
    let child = ValueEncoder(output: output, parent: self, key: key)
    try value.encode(to: child)
    child.finish()
  }

  /// A child with its own output for a nested container or a super encoder.
  func deferredChild(key: any CodingKey) -> ValueEncoder {
    ValueEncoder(output: JSONOutput(), parent: self, key: key)
  }

  /// Writes the scalars this encoder handles without a child encoder, with Foundation's
  /// special cases for `Data`, `URL` and `Decimal`; false when `value` is none of them.
  static func appendScalar<T: Encodable>(_ value: T, to output: JSONOutput) throws -> Bool {
    if T.self == String.self {
      output.append(string: value as! String)
    } else if T.self == Int.self {
      output.append(integer: value as! Int)
    } else if T.self == Int64.self {
      output.append(integer: value as! Int64)
    } else if T.self == Bool.self {
      output.append(raw: value as! Bool ? "true" : "false")
    } else if T.self == Data.self {
      output.append(string: (value as! Data).base64EncodedString())
    } else if T.self == URL.self {
      output.append(string: (value as! URL).absoluteString)
    } else if T.self == Decimal.self {
      output.bytes.append(contentsOf: (value as! Decimal).description.utf8)
    } else {
      return false
    }
    return true
  }

  /// Completes the value's text: `{}` for a value that wrote nothing, the closing bracket of
  /// an array, an object's members in key order.
  func finish() {
    switch kind {
    case .none: output.append(raw: "{}")
    case .single: return
    case .object: finishObject()
    case .array: finishArray()
    }
  }

  private func finishObject() {
    let scratch = takeText()
    // Foundation orders keys by their UTF-8 bytes, without Unicode normalisation; a later
    // value for the same key wins.
    let order = members.indices.sorted { left, right in
      let comparison = members[left].compareKey(to: members[right])
      return comparison < 0 || (comparison == 0 && left < right)
    }
    output.append(raw: "{")
    var first = true
    for (position, index) in order.enumerated() {
      let member = members[index]
      if position + 1 < order.count,
        members[order[position + 1]].compareKey(to: member) == 0
      {
        continue
      }
      if !first { output.append(raw: ",") }
      first = false
      if let deferred = member.deferred {
        output.append(string: member.key)
        output.append(raw: ":")
        deferred.finish()
        output.bytes.append(contentsOf: deferred.output.bytes)
      } else {
        output.bytes.append(contentsOf: scratch[(member.start - start)..<(member.end - start)])
      }
    }
    output.append(raw: "}")
  }

  private func finishArray() {
    if members.isEmpty {
      output.append(raw: "]")
      return
    }
    let scratch = takeText()
    var copied = 0
    for member in members {
      let offset = member.start - start
      output.bytes.append(contentsOf: scratch[copied..<offset])
      member.deferred?.finish()
      output.bytes.append(contentsOf: member.deferred?.output.bytes ?? [])
      copied = offset
    }
    output.bytes.append(contentsOf: scratch[copied...])
    output.append(raw: "]")
  }

  /// Below zero, zero or above zero as `left`'s UTF-8 bytes sort before, equal or after
  /// `right`'s.
  static func compareUTF8(_ left: String, _ right: String) -> Int {
    var left = left
    var right = right
    return left.withUTF8 { leftBytes in
      right.withUTF8 { rightBytes in
        let common = min(leftBytes.count, rightBytes.count)
        if common > 0, let leftStart = leftBytes.baseAddress,
          let rightStart = rightBytes.baseAddress
        {
          let order = memcmp(leftStart, rightStart, common)
          if order != 0 { return Int(order) }
        }
        return leftBytes.count - rightBytes.count
      }
    }
  }

  /// Moves this value's text so far out of the output into the scratch buffer.
  private func takeText() -> ArraySlice<UInt8> {
    output.scratch.removeAll(keepingCapacity: true)
    output.scratch.append(contentsOf: output.bytes[start...])
    output.bytes.removeSubrange(start...)
    return output.scratch[...]
  }
}
