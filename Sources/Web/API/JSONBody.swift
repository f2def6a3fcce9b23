import Foundation
import FreightdeskCore

/// Reading and writing JSON bodies with the API's rules: the body must be `application/json`
/// and well-formed; fields the type does not know are rejected (a typo must not be silently
/// ignored); wrong types and missing fields are reported with a JSON Pointer to the field.
public enum JSONBody {
  /// Decodes the request body as `T`, or throws a ``UserFacingError`` naming what is wrong.
  public static func decode<T: Decodable>(_ type: T.Type, from request: Request) throws -> T {
    guard request.mediaType == "application/json" else {
      throw HTTPError.unsupportedMediaType(expected: "application/json")
    }
    guard let document = JSONValue.parse(request.body) else {
      throw HTTPError.malformedJSON(detail: "not well-formed JSON")
    }
    let schema = try JSONSchema.infer(T.self)
    var unknown: [FieldError] = []
    var path: [String] = []
    collectUnknownFields(in: document, schema: schema, path: &path, into: &unknown)
    if !unknown.isEmpty { throw ValidationFailure(unknown) }
    do {
      return try JSONValueDecoder().decode(T.self, from: document)
    } catch let error as DecodingError {
      throw ValidationFailure([fieldError(for: error)])
    }
  }

  /// A JSON response with `value` encoded (sorted keys, snake_case from `CodingKeys`).
  public static func response<T: Encodable>(
    _ value: T, status: Int = 200, headers: HTTPHeaders = [:]
  ) throws -> Response {
    var response = Response(
      status: status, headers: headers, body: try CompactJSONEncoder().encode(value))
    response.headers.set("Content-Type", "application/json")
    return response
  }

  /// Adds an `unknown_field` error for every member `schema` does not name, anywhere in
  /// `value`; `path` holds the keys down to `value`, and a pointer is spelled only for a field
  /// that is reported, since this walks every field of every request body.
  private static func collectUnknownFields(
    in value: JSONValue, schema: JSONSchema, path: inout [String], into errors: inout [FieldError]
  ) {
    switch value {
    case .object(let fields):
      guard case .object(let properties, let openKeys) = schema else { return }
      for (key, child) in fields {
        if let property = properties.first(where: { $0.name == key }) {
          guard child.isContainer else { continue }
          path.append(key)
          collectUnknownFields(in: child, schema: property.schema, path: &path, into: &errors)
          path.removeLast()
        } else if !openKeys {
          errors.append(
            FieldError(
              pointer: pointer(keys: path + [key]),
              code: "unknown_field"))
        }
      }
    case .array(let items):
      guard case .array(let itemSchema) = schema else { return }
      for (index, item) in items.enumerated() where item.isContainer {
        path.append(String(index))
        collectUnknownFields(in: item, schema: itemSchema, path: &path, into: &errors)
        path.removeLast()
      }
    default:
      return
    }
  }

  private static func fieldError(for error: DecodingError) -> FieldError {
    switch error {
    case .typeMismatch(let type, let context):
      return FieldError(
        pointer: pointer(context.codingPath), code: "wrong_type",
        arguments: ["expected": expectedName(type)])
    case .valueNotFound(_, let context):
      return FieldError(pointer: pointer(context.codingPath), code: "required")
    case .keyNotFound(let key, let context):
      return FieldError(pointer: pointer(context.codingPath + [key]), code: "required")
    case .dataCorrupted(let context):
      return FieldError(pointer: pointer(context.codingPath), code: "invalid_format")
    @unknown default:
      return FieldError(pointer: "", code: "invalid_format")
    }
  }

  private static func expectedName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "string"
    case is Bool.Type: "boolean"
    case is any BinaryInteger.Type: "integer"
    case is any BinaryFloatingPoint.Type: "number"
    case is [Any].Type: "array"
    default: "object"
    }
  }

  /// A JSON Pointer (RFC 6901) for a decoding path.
  static func pointer(_ path: [any CodingKey]) -> String {
    pointer(keys: path.map { key in key.intValue.map(String.init) ?? key.stringValue })
  }

  /// A JSON Pointer (RFC 6901) for member names and array positions, from the root down.
  private static func pointer(keys: [String]) -> String {
    keys.map { "/" + escape($0) }.joined()
  }

  private static func escape(_ key: String) -> String {
    // Nearly every key needs no escaping; this runs for every key of every request body.
    guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
      return key
    }
    return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }
}
