public import FreightdeskCore

/// An RFC 9457 problem document (`application/problem+json`): the one error format of the API.
///
/// `code` is stable and snake_case, named for the rule broken; `title` and `detail` are in the
/// caller's language; `errors` lists each bad field with a JSON Pointer to it.
public struct ProblemDetails: Codable, Sendable, Equatable {
  /// One bad field.
  public struct FieldProblem: Codable, Sendable, Equatable {
    /// JSON Pointer to the field in the request body (or `/query/name`).
    public var pointer: String
    /// The rule's stable code, e.g. `required`.
    public var code: String
    /// The message in the caller's language.
    public var detail: String
  }

  /// A URI naming the problem type: `urn:freightdesk:problem:<code>`.
  public var type: String
  /// A short, translated summary of the problem type.
  public var title: String
  /// The HTTP status.
  public var status: Int
  /// The translated explanation of this occurrence.
  public var detail: String
  /// The stable code clients branch on.
  public var code: String
  /// The request path.
  public var instance: String
  /// The request id, for support.
  public var requestID: String
  /// The fields at fault, for validation errors.
  public var errors: [FieldProblem]?

  enum CodingKeys: String, CodingKey {
    case type, title, status, detail, code, instance, errors
    case requestID = "request_id"
  }

  /// Builds the problem for a user-facing error, translated into `locale`.
  public init(
    _ error: any UserFacingError, status: Int, instance: String, requestID: String,
    locale: AppLocale, translations: Translations
  ) {
    type = "urn:freightdesk:problem:\(error.code)"
    title = translations.text("problem.\(error.kind.catalogTitleKey)", locale: locale)
    self.status = status
    let localizer = Localizer(translations: translations, locale: locale)
    detail = localizer.message(for: error)
    code = error.code
    self.instance = instance
    self.requestID = requestID
    let fields = error.fieldErrors.map { field in
      FieldProblem(
        pointer: field.pointer, code: field.code,
        detail: localizer.message(for: field))
    }
    errors = fields.isEmpty ? nil : fields
  }
}

extension ErrorKind {
  /// The catalog key suffix of this kind's title (`problem.<suffix>`).
  public var catalogTitleKey: String {
    switch self {
    case .invalidInput: "invalid_input"
    case .unauthenticated: "unauthenticated"
    case .forbidden: "forbidden"
    case .notFound: "not_found"
    case .conflict: "conflict"
    case .preconditionFailed: "precondition_failed"
    case .preconditionRequired: "precondition_required"
    case .unprocessable: "unprocessable"
    case .rateLimited: "rate_limited"
    case .unavailable: "unavailable"
    case .internalFailure: "internal"
    }
  }
}
