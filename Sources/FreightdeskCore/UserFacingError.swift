/// What kind of failure an error is, which the web layer maps to an HTTP status.
public enum ErrorKind: Sendable, Equatable {
  /// The input breaks a rule (400).
  case invalidInput
  /// Authentication is missing or wrong (401).
  case unauthenticated
  /// The caller may not do this (403).
  case forbidden
  /// No such thing for this caller (404).
  case notFound
  /// The thing is in a state that does not allow this (409).
  case conflict
  /// The representation the caller based its change on is stale (412).
  case preconditionFailed
  /// A conditional request header is required and missing (428).
  case preconditionRequired
  /// The request was understood but cannot be processed as sent (422).
  case unprocessable
  /// Too many requests; retry later (429).
  case rateLimited
  /// A dependency such as the database is unavailable (503).
  case unavailable
  /// A fault in the system itself, not the caller's (500): the details go to the log, the
  /// caller sees only a generic message and the request id.
  case internalFailure
}

/// One rule broken by one input field, addressed by a JSON Pointer (RFC 6901).
public struct FieldError: Sendable, Equatable, Codable {
  /// Where the bad value is, e.g. `/stops/0/window/end`.
  public var pointer: String
  /// The stable rule name, e.g. `required`, `too_long`, `invalid_credit_code`.
  public var code: String
  /// Values the message may quote (limits, the bad value), keyed by placeholder name.
  public var arguments: [String: String]
  /// For arguments that are codes (a status, a stage), the catalog key of the words a person
  /// reads in their place, keyed by placeholder name; the code stays in ``arguments`` for
  /// programs.
  public var argumentLabelKeys: [String: String]

  /// Creates a field error.
  public init(
    pointer: String, code: String, arguments: [String: String] = [:],
    argumentLabelKeys: [String: String] = [:]
  ) {
    self.pointer = pointer
    self.code = code
    self.arguments = arguments
    self.argumentLabelKeys = argumentLabelKeys
  }

  enum CodingKeys: String, CodingKey {
    case pointer, code, arguments
  }

  /// Decodes the pointer, code and arguments; label keys are for messages only.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      pointer: try container.decode(String.self, forKey: .pointer),
      code: try container.decode(String.self, forKey: .code),
      arguments: try container.decode([String: String].self, forKey: .arguments))
  }
}

/// An error a person will read: it has a stable snake_case `code` named for the rule it
/// breaks, and the message is looked up in the user's language from that code
/// (catalog key `error.<code>`), with `arguments` filled in.
public protocol UserFacingError: Error, Sendable {
  /// The stable code, e.g. `credit_limit_exceeded`; clients may rely on it.
  var code: String { get }
  /// The kind of failure, which decides the HTTP status.
  var kind: ErrorKind { get }
  /// Values the message quotes, keyed by placeholder name.
  var arguments: [String: String] { get }
  /// For arguments that are codes, the catalog key of the words shown in their place (see
  /// ``FieldError/argumentLabelKeys``).
  var argumentLabelKeys: [String: String] { get }
  /// The fields at fault, for validation errors.
  var fieldErrors: [FieldError] { get }
}

extension UserFacingError {
  /// No arguments by default.
  public var arguments: [String: String] { [:] }
  /// No arguments to translate by default.
  public var argumentLabelKeys: [String: String] { [:] }
  /// No field errors by default.
  public var fieldErrors: [FieldError] { [] }
}

/// Input that breaks one or more field rules; collected so the user sees every problem at once.
public struct ValidationFailure: UserFacingError, Equatable {
  /// Always `validation_failed`.
  public var code: String { "validation_failed" }
  /// Always ``ErrorKind/invalidInput``.
  public var kind: ErrorKind { .invalidInput }
  /// Every broken field rule.
  public var fieldErrors: [FieldError]

  /// Creates a failure from its field errors (at least one).
  public init(_ fieldErrors: [FieldError]) {
    precondition(!fieldErrors.isEmpty, "a validation failure names at least one field")
    self.fieldErrors = fieldErrors
  }

  /// A failure for a single field.
  public init(pointer: String, code: String, arguments: [String: String] = [:]) {
    self.init([FieldError(pointer: pointer, code: code, arguments: arguments)])
  }
}
