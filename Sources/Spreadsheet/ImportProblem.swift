public import FreightdeskCore

/// One rule a row breaks in one field, as a validator reports it.
public struct FieldProblem: Sendable, Equatable {
  /// The field key, e.g. `credit_code`.
  public var field: String
  /// The stable code of the broken rule, e.g. `invalid_phone` (catalog key `error.<code>`).
  public var code: String
  /// Values the message quotes.
  public var arguments: [String: String]

  /// Creates a problem.
  public init(field: String, code: String, arguments: [String: String] = [:]) {
    self.field = field
    self.code = code
    self.arguments = arguments
  }

  /// The problem a typed error such as ``CreditCodeError`` names, for `field`.
  public init(field: String, error: some UserFacingError) {
    self.init(field: field, code: error.code, arguments: error.arguments)
  }
}

/// A problem as the preview shows it: which row, which column, which rule.
public struct RowProblem: Sendable, Equatable {
  /// The stable code of a duplicate key within the file; argument `first_row`.
  public static let duplicateInFileCode = "import_duplicate_in_file"
  /// The stable code of a key that already exists; argument `value`.
  public static let duplicateExistingCode = "import_duplicate_existing"

  /// The row number in the file.
  public var row: Int
  /// The field key.
  public var field: String
  /// The column's letters (`C`), or nil when the field has no column.
  public var columnLetters: String?
  /// The column's title from the header, or nil when the field has no column.
  public var columnTitle: String?
  /// The stable code of the broken rule.
  public var code: String
  /// Values the message quotes.
  public var arguments: [String: String]

  /// Creates a problem.
  public init(
    row: Int, field: String, columnLetters: String?, columnTitle: String?, code: String,
    arguments: [String: String]
  ) {
    self.row = row
    self.field = field
    self.columnLetters = columnLetters
    self.columnTitle = columnTitle
    self.code = code
    self.arguments = arguments
  }
}

/// Every problem of one row, the failure a validator returns (at least one problem).
public struct RowRejection: Error, Sendable, Equatable {
  /// The problems, each naming its field.
  public var problems: [FieldProblem]

  /// Rejects a row for `problems`.
  public init(_ problems: [FieldProblem]) {
    precondition(!problems.isEmpty, "a rejected row names at least one problem")
    self.problems = problems
  }
}
