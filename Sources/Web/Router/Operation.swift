/// What may call a route: everyone, or holders of a named permission.
public struct Permission: Hashable, Sendable, CustomStringConvertible {
  /// The permission's stable name, e.g. `orders.create`; `public` for open routes.
  public let name: String

  /// A named permission.
  public init(_ name: String) {
    self.name = name
  }

  /// Open to anyone, signed in or not (health checks, sign-in page, public tracking).
  public static let `public` = Permission("public")

  /// Open to every signed-in user of a company, whatever their role (home, own profile).
  public static let signedIn = Permission("signed_in")

  /// The name.
  public var description: String { name }
}

/// The registry entry for one route: everything OpenAPI, the permission matrix and the limits
/// need to know about it, declared once where the route is registered so none of them drift.
public struct Operation: Sendable {
  /// How the route answers, which decides its error format and documentation.
  public enum Style: Sendable {
    /// JSON under `/api`; errors are problem+json; documented in OpenAPI.
    case api
    /// Server-rendered HTML; errors are pages.
    case page
    /// Plain text or files (health, metrics, assets).
    case plain
    /// Server-Sent Events.
    case eventStream
  }

  /// A query parameter the route reads, for the API reference.
  public struct QueryParameter: Sendable {
    /// The parameter name.
    public var name: String
    /// What it does.
    public var summary: String
    /// JSON Schema type name (`string`, `integer`, `boolean`).
    public var type: String

    /// Creates a query parameter description.
    public init(_ name: String, _ summary: String, type: String = "string") {
      self.name = name
      self.summary = summary
      self.type = type
    }
  }

  /// The stable operation id, e.g. `listOrders`.
  public var id: String
  /// A one-line summary for the reference.
  public var summary: String
  /// The group heading in the reference, e.g. `Orders`.
  public var tag: String
  /// Who may call it.
  public var permission: Permission
  /// The answer style.
  public var style: Style
  /// The request body's JSON type, documented and checked for unknown fields.
  public var requestBody: BodyType?
  /// The success response's JSON type, documented in the reference.
  public var responseBody: BodyType?
  /// The media type of a success response that is a file rather than JSON, e.g.
  /// `application/pdf`; documented as a binary body of that type.
  public var responseMediaType: String?
  /// The success status.
  public var successStatus: Int
  /// Query parameters it reads.
  public var queryParameters: [QueryParameter]
  /// The largest body accepted; larger declared bodies get 413 before being read.
  public var bodyBytesMax: Int
  /// Whether `POST` replays on a repeated `Idempotency-Key`.
  public var honoursIdempotencyKey: Bool
  /// Whether the update requires `If-Match`.
  public var requiresIfMatch: Bool

  /// Describes a route; defaults suit a JSON API route without a body.
  public init(
    id: String, summary: String, tag: String, permission: Permission, style: Style = .api,
    requestBody: BodyType? = nil, responseBody: BodyType? = nil,
    responseMediaType: String? = nil, successStatus: Int = 200,
    queryParameters: [QueryParameter] = [],
    bodyBytesMax: Int = Limits.requestBodyBytesMax, honoursIdempotencyKey: Bool = false,
    requiresIfMatch: Bool = false
  ) {
    self.id = id
    self.summary = summary
    self.tag = tag
    self.permission = permission
    self.style = style
    self.requestBody = requestBody
    self.responseBody = responseBody
    self.responseMediaType = responseMediaType
    self.successStatus = successStatus
    self.queryParameters = queryParameters
    self.bodyBytesMax = bodyBytesMax
    self.honoursIdempotencyKey = honoursIdempotencyKey
    self.requiresIfMatch = requiresIfMatch
  }
}

/// A JSON body type named in the route registry; its schema is inferred from its decoding.
public struct BodyType: Sendable {
  /// The Swift type's name, used as the schema's name in OpenAPI.
  public let name: String
  /// Infers the schema.
  public let schema: @Sendable () throws -> JSONSchema

  /// The body type `type`.
  public static func of<T: Decodable & SendableMetatype>(_ type: T.Type) -> BodyType {
    BodyType(name: String(describing: type), schema: { try JSONSchema.infer(T.self) })
  }
}
