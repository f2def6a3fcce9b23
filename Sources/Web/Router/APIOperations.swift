/// The operations of one part of the JSON API, all under one tag of the reference: each
/// module's API states an operation's id, summary, permission and what differs, e.g.
///
/// ```swift
/// static let operation = APIOperations(tag: "Orders")
/// operation("createOrder", "Place an order", OrdersPermission.manage, request: …, status: 201)
/// ```
public struct APIOperations: Sendable {
  /// The group heading in the reference.
  public let tag: String

  /// The operations tagged `tag`.
  public init(tag: String) {
    self.tag = tag
  }

  /// A JSON API operation of this group; `file` names the media type of an answer that is a
  /// file (e.g. `application/pdf`) instead of a JSON `response`.
  public func callAsFunction(
    _ id: String, _ summary: String, _ permission: Permission, request: BodyType? = nil,
    response: BodyType? = nil, file: String? = nil, status: Int = 200,
    query: [Operation.QueryParameter] = [], idempotent: Bool = false, ifMatch: Bool = false
  ) -> Operation {
    Operation(
      id: id, summary: summary, tag: tag, permission: permission, requestBody: request,
      responseBody: response, responseMediaType: file, successStatus: status,
      queryParameters: query,
      honoursIdempotencyKey: idempotent, requiresIfMatch: ifMatch)
  }
}
