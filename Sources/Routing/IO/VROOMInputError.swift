/// A VROOM-format problem that cannot be read or solved as stated: the JSON pointer of the
/// field to blame, a stable rule code, and a one-line message naming the job and the rule.
public struct VROOMInputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// JSON pointer (RFC 6901) of the offending field, e.g. `/jobs/3/delivery`.
  public var pointer: String
  /// The stable rule name, e.g. `unknown_field`, `value_negative`, `skills_unavailable`.
  public var code: String
  /// What is wrong, naming the job, shipment or vehicle by its id.
  public var message: String

  /// Creates an error.
  public init(pointer: String, code: String, message: String) {
    self.pointer = pointer
    self.code = code
    self.message = message
  }

  /// `pointer: message (code)`.
  public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message) (\(code))" }

  /// The error for a problem that reads well but cannot be solved, pointing at the subject's
  /// field.
  init(_ error: DispatchProblemError) {
    var pointer: String
    switch error.subject {
    case .job(let index, _): pointer = "/jobs/\(index)"
    case .shipment(let index, _): pointer = "/shipments/\(index)"
    case .vehicle(let index, _): pointer = "/vehicles/\(index)"
    case .problem: pointer = ""
    }
    if let field = error.field, error.subject != .problem {
      pointer += "/" + Self.pointerPath(field)
    }
    let message = error.description.replacingSuffix(" (\(error.code))")
    self.init(pointer: pointer, code: error.code, message: message)
  }

  /// `pickup.time_windows[0]` → `pickup/time_windows/0`.
  static func pointerPath(_ field: String) -> String {
    field.replacing(".", with: "/").replacing("[", with: "/").replacing("]", with: "")
  }
}

extension String {
  /// The string without `suffix` at its end, if it ends so.
  fileprivate func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
