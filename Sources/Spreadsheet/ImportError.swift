public import FreightdeskCore

/// Why an import cannot go ahead as asked.
public enum ImportError: UserFacingError, Equatable {
  /// A required field has no column.
  case requiredFieldUnmapped(field: String)
  /// The mapping names a column the file does not have.
  case unknownColumn(column: String)
  /// One column feeds two fields.
  case columnMappedTwice(column: String)
  /// All or nothing was chosen, and some rows are invalid: nothing is imported.
  case invalidRows(count: Int)

  /// The stable code naming what is wrong.
  public var code: String {
    switch self {
    case .requiredFieldUnmapped: "import_required_field_unmapped"
    case .unknownColumn: "import_unknown_column"
    case .columnMappedTwice: "import_column_mapped_twice"
    case .invalidRows: "import_has_invalid_rows"
    }
  }

  /// A bad mapping is invalid input (400); refusing invalid rows is unprocessable (422).
  public var kind: ErrorKind {
    switch self {
    case .invalidRows: .unprocessable
    default: .invalidInput
    }
  }

  /// What the message quotes: the field, the column letters, or the count of invalid rows.
  public var arguments: [String: String] {
    switch self {
    case .requiredFieldUnmapped(let field): ["field": field]
    case .unknownColumn(let column), .columnMappedTwice(let column): ["column": column]
    case .invalidRows(let count): ["invalid_rows": String(count)]
    }
  }
}
