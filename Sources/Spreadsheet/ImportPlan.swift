/// What the user decides after the preview.
public enum ImportChoice: Sendable, Equatable {
  /// Import every row, or nothing at all when any row is invalid.
  case allOrNothing
  /// Import the valid rows and leave out the invalid ones.
  case validRowsOnly
}

/// What the user sees before deciding: how many rows are valid, the problems of the others
/// with row and column, and the first valid rows as they will be imported.
public struct ImportPreview: Sendable, Equatable {
  /// The file's header.
  public var header: [String]
  /// The mapping the rows were read with.
  public var mapping: ImportMapping
  /// The data rows read (blank rows are not counted).
  public var rowCount: Int
  /// The rows that passed validation and are not duplicates.
  public var validRowCount: Int
  /// The first ``SpreadsheetLimits/previewProblemsMax`` problems, in row order.
  public var problems: [RowProblem]
  /// All problems, including those not listed.
  public var problemCount: Int
  /// The first ``SpreadsheetLimits/previewRowsMax`` valid rows.
  public var sampleRows: [ImportRow]

  /// The rows with at least one problem.
  public var invalidRowCount: Int { rowCount - validRowCount }
}

/// The checked content of an import file: the valid records, ready to be written in one
/// transaction, and the preview that lets the user choose. Holding a plan means every row
/// was validated; ``records(for:)`` either returns the whole set the choice asks for or
/// throws — never a part of it.
public struct ImportPlan<Record> {
  /// What the user is shown.
  public let preview: ImportPreview
  private let validRecords: [Record]

  init(preview: ImportPreview, validRecords: [Record]) {
    precondition(preview.validRowCount == validRecords.count, "a plan counts what it holds")
    self.preview = preview
    self.validRecords = validRecords
  }

  /// The records to write for `choice`, in file order: with ``ImportChoice/allOrNothing``
  /// every row's record, or ``ImportError/invalidRows(count:)`` when any row is invalid;
  /// with ``ImportChoice/validRowsOnly`` the valid rows' records.
  public func records(for choice: ImportChoice) throws(ImportError) -> [Record] {
    if choice == .allOrNothing, preview.invalidRowCount > 0 {
      throw .invalidRows(count: preview.invalidRowCount)
    }
    return validRecords
  }
}

extension ImportPlan: Sendable where Record: Sendable {}
