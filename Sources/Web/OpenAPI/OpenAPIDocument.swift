public import FreightdeskCore

/// Builds the OpenAPI 3.1 description of the JSON API from the route registry, so the
/// published contract is the code that runs and cannot drift from it.
public enum OpenAPIDocument {
  /// The document for every `.api` route of `router`.
  public static func make(router: Router, title: String, version: String) throws -> JSONValue {
    var schemas: [(String, JSONValue)] = [("Problem", problemSchema)]
    var paths: [(String, [(String, JSONValue)])] = []
    for route in router.routes where route.operation.style == .api {
      let path = route.pattern.description
      let operation = try describe(route, schemas: &schemas)
      if let index = paths.firstIndex(where: { $0.0 == path }) {
        paths[index].1.append((route.method.rawValue.lowercased(), operation))
      } else {
        paths.append((path, [(route.method.rawValue.lowercased(), operation)]))
      }
    }
    return .object([
      ("openapi", "3.1.0"),
      ("info", .object([("title", .string(title)), ("version", .string(version))])),
      ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
      ("components", .object([("schemas", .object(schemas))])),
    ])
  }

  private static func describe(_ route: Route, schemas: inout [(String, JSONValue)]) throws
    -> JSONValue
  {
    let operation = route.operation
    var fields: [(String, JSONValue)] = [
      ("operationId", .string(operation.id)), ("summary", .string(operation.summary)),
      ("tags", .array([.string(operation.tag)])),
      ("x-permission", .string(operation.permission.name)),
    ]
    let parameters = parameters(of: route)
    if !parameters.isEmpty { fields.append(("parameters", .array(parameters))) }
    if let body = operation.requestBody {
      let reference = try register(body, in: &schemas)
      fields.append(
        (
          "requestBody",
          .object([("required", .bool(true)), ("content", jsonContent(reference))])
        ))
    }
    fields.append(("responses", try responses(of: operation, schemas: &schemas)))
    return .object(fields)
  }

  private static func parameters(of route: Route) -> [JSONValue] {
    var list: [JSONValue] = route.pattern.parameterNames.map { name in
      .object([
        ("name", .string(name)), ("in", "path"), ("required", .bool(true)),
        ("schema", .object([("type", "string")])),
      ])
    }
    list += route.operation.queryParameters.map { parameter in
      .object([
        ("name", .string(parameter.name)), ("in", "query"),
        ("description", .string(parameter.summary)),
        ("schema", .object([("type", .string(parameter.type))])),
      ])
    }
    if route.operation.honoursIdempotencyKey {
      list.append(header("Idempotency-Key", "Repeat-safe key; the same key replays the answer."))
    }
    if route.operation.requiresIfMatch {
      list.append(header("If-Match", "The ETag of the version this update is based on."))
    }
    return list
  }

  private static func header(_ name: String, _ summary: String) -> JSONValue {
    .object([
      ("name", .string(name)), ("in", "header"), ("description", .string(summary)),
      ("required", .bool(name == "If-Match")), ("schema", .object([("type", "string")])),
    ])
  }

  private static func responses(of operation: Operation, schemas: inout [(String, JSONValue)])
    throws -> JSONValue
  {
    var success: [(String, JSONValue)] = [("description", "Success")]
    if let body = operation.responseBody {
      success.append(("content", jsonContent(try register(body, in: &schemas))))
    } else if let mediaType = operation.responseMediaType {
      let binary: JSONValue = .object([
        ("type", "string"), ("contentMediaType", .string(mediaType)),
      ])
      success.append(("content", .object([(mediaType, .object([("schema", binary)]))])))
    }
    let problem: JSONValue = .object([
      ("description", "An RFC 9457 problem with a stable code"),
      (
        "content",
        .object([
          ("application/problem+json", .object([("schema", reference("Problem"))]))
        ])
      ),
    ])
    return .object([(String(operation.successStatus), .object(success)), ("default", problem)])
  }

  private static func register(_ body: BodyType, in schemas: inout [(String, JSONValue)]) throws
    -> JSONValue
  {
    let name = body.name.filter { $0.isLetter || $0.isNumber || $0 == "_" }
    if !schemas.contains(where: { $0.0 == name }) {
      schemas.append((name, try body.schema().jsonValue))
    }
    return reference(name)
  }

  private static func reference(_ name: String) -> JSONValue {
    .object([("$ref", .string("#/components/schemas/\(name)"))])
  }

  private static func jsonContent(_ schema: JSONValue) -> JSONValue {
    .object([("application/json", .object([("schema", schema)]))])
  }

  private static var problemSchema: JSONValue {
    let string: JSONValue = .object([("type", "string")])
    return .object([
      ("type", "object"),
      (
        "properties",
        .object([
          ("type", string), ("title", string), ("status", .object([("type", "integer")])),
          ("detail", string), ("code", string), ("instance", string), ("request_id", string),
          (
            "errors",
            .object([
              ("type", "array"),
              (
                "items",
                .object([
                  ("type", "object"),
                  (
                    "properties",
                    .object([("pointer", string), ("code", string), ("detail", string)])
                  ),
                ])
              ),
            ])
          ),
        ])
      ),
      ("required", .array(["type", "title", "status", "code"])),
    ])
  }
}
