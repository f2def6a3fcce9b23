public import FreightdeskCore
import Synchronization

/// The JSON Schema (2020-12 subset) of an API body: what OpenAPI publishes and what the
/// request decoder checks unknown fields against.
public indirect enum JSONSchema: Sendable, Equatable {
  /// A named property of an object.
  public struct Property: Sendable, Equatable {
    /// The JSON field name.
    public var name: String
    /// Its schema.
    public var schema: JSONSchema
    /// Whether the field must be present.
    public var required: Bool
  }

  /// Text; `values` lists the allowed values of an enumeration.
  case string(values: [String]?)
  /// A whole number.
  case integer
  /// Any number.
  case number
  /// True or false.
  case boolean
  /// A list of items of one schema.
  case array(JSONSchema)
  /// An object with known properties; `openKeys` when it is a map with arbitrary keys.
  case object(properties: [Property], openKeys: Bool)
  /// Anything (a recursive reference or a free-form value).
  case any

  /// The schema inferred from how `type` decodes itself. A type always decodes the same way,
  /// so each type is inferred once and remembered: request bodies are checked against it on
  /// every call.
  public static func infer<T: Decodable>(_ type: T.Type) throws -> JSONSchema {
    let key = ObjectIdentifier(type)
    if let known = inferred.withLock({ $0[key] }) { return known }
    let recorder = SchemaRecorder(depth: 0)
    _ = try T(from: recorder)
    let schema = recorder.schema
    inferred.withLock { $0[key] = schema }
    return schema
  }

  /// The schemas inferred so far, by type.
  private static let inferred = Mutex<[ObjectIdentifier: JSONSchema]>([:])

  /// The schema as a JSON value for the OpenAPI document.
  public var jsonValue: JSONValue {
    switch self {
    case .string(let values):
      var fields: [(String, JSONValue)] = [("type", "string")]
      if let values { fields.append(("enum", .array(values.map { .string($0) }))) }
      return .object(fields)
    case .integer: return .object([("type", "integer"), ("format", "int64")])
    case .number: return .object([("type", "number")])
    case .boolean: return .object([("type", "boolean")])
    case .array(let items): return .object([("type", "array"), ("items", items.jsonValue)])
    case .object(let properties, let openKeys):
      var fields: [(String, JSONValue)] = [("type", "object")]
      fields.append(("properties", .object(properties.map { ($0.name, $0.schema.jsonValue) })))
      let required = properties.filter(\.required).map { JSONValue.string($0.name) }
      if !required.isEmpty { fields.append(("required", .array(required))) }
      fields.append(("additionalProperties", .bool(openKeys)))
      return .object(fields)
    case .any: return .object([])
    }
  }
}

/// A string enumeration that can appear in an API body: its cases become the schema's `enum`.
/// Every enum used in a request or response type conforms, so inference can build a sample.
public protocol SchemaEnumeration: CaseIterable, RawRepresentable, Decodable
where RawValue == String {}
