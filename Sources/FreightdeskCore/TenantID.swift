/// The company (tenant) a row belongs to; every table's primary key starts with it.
public struct TenantID: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The tenant's identifier.
  public let identifier: Identifier

  /// Wraps a tenant identifier.
  public init(_ identifier: Identifier) {
    self.identifier = identifier
  }

  /// The stored integer.
  public var rawValue: Int64 { identifier.rawValue }

  /// The decimal form.
  public var description: String { identifier.description }
}
