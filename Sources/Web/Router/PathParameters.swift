public import FreightdeskCore

/// The values captured from a request path by the route's `{name}` segments, read as typed
/// values; a value that does not parse is the client's mistake and answers 400.
public struct PathParameters: Sendable {
  private let values: [String: String]

  /// Wraps captured values.
  public init(_ values: [String: String] = [:]) {
    self.values = values
  }

  /// The raw text of a parameter, if the route captured it.
  public subscript(name: String) -> String? {
    values[name]
  }

  /// The parameter `name` parsed as `T`; throws `invalid_path_parameter` when it does not parse.
  public func require<T: LosslessStringConvertible>(_ name: String, as type: T.Type = T.self)
    throws -> T
  {
    guard let text = values[name] else {
      preconditionFailure("route has no parameter named \(name)")
    }
    guard let value = T(text) else {
      throw HTTPError.invalidPathParameter(name: name)
    }
    return value
  }

  /// The parameter `name` as an ``Identifier``.
  public func identifier(_ name: String) throws -> Identifier {
    Identifier(rawValue: try require(name, as: Int64.self))
  }
}
