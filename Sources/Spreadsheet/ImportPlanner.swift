/// How records are told apart: a key per record (a credit code, a phone number), the field it
/// comes from, and the keys already stored. A record whose key was seen earlier in the file
/// or already exists is a duplicate.
public struct DuplicateRule<Record> {
  /// The field the key comes from, so the problem points at its column.
  public var field: String
  /// Keys the caller already has (read from the database before planning).
  public var existingKeys: Set<String>
  /// The record's key, or nil when it has none (an optional field left empty).
  public var key: (Record) -> String?

  /// Creates a rule.
  public init(field: String, existingKeys: Set<String>, key: @escaping (Record) -> String?) {
    self.field = field
    self.existingKeys = existingKeys
    self.key = key
  }
}

/// Builds an ``ImportPlan`` one row at a time, so a file of 100,000 rows is never in memory
/// whole: each row is mapped, validated by the caller's pure function, checked for
/// duplicates, and either kept as a record or counted with its problems.
///
/// ```swift
/// var planner = try ImportPlanner(header: header, mapping: mapping, fields: fields,
///                                 duplicates: rule) { row in Customer.validated(row) }
/// try file.forEachRow { row in planner.add(row) }   // after skipping the header
/// let plan = planner.plan()
/// ```
public struct ImportPlanner<Record> {
  private let header: [String]
  private let mapping: ImportMapping
  private var duplicates: DuplicateRule<Record>?
  private let validate: (ImportRow) -> Result<Record, RowRejection>
  /// The row where each key was first seen.
  private var firstRowOfKey: [String: Int] = [:]
  private var records: [Record] = []
  private var rowCount = 0
  private var problems: [RowProblem] = []
  private var problemCount = 0
  private var sampleRows: [ImportRow] = []

  /// Starts a plan for a file with `header`, after checking `mapping` against it.
  public init(
    header: [String], mapping: ImportMapping, fields: [ImportField],
    duplicates: DuplicateRule<Record>?,
    validate: @escaping (ImportRow) -> Result<Record, RowRejection>
  ) throws(ImportError) {
    try mapping.check(header: header, fields: fields)
    self.header = header
    self.mapping = mapping
    self.duplicates = duplicates
    self.validate = validate
  }

  /// Maps, validates and de-duplicates one data row.
  public mutating func add(_ row: SheetRow) {
    rowCount += 1
    let values = mapping.values(of: row)
    switch validate(values) {
    case .failure(let rejection):
      report(rejection.problems, row: row.number)
    case .success(let record):
      if let duplicate = duplicateProblem(of: record, row: row.number) {
        report([duplicate], row: row.number)
      } else {
        records.append(record)
        if sampleRows.count < SpreadsheetLimits.previewRowsMax { sampleRows.append(values) }
      }
    }
  }

  /// The plan of every row added so far.
  public func plan() -> ImportPlan<Record> {
    let preview = ImportPreview(
      header: header, mapping: mapping, rowCount: rowCount, validRowCount: records.count,
      problems: problems, problemCount: problemCount, sampleRows: sampleRows)
    return ImportPlan(preview: preview, validRecords: records)
  }

  /// Reads the whole of `file` (its header, then its rows) into a plan; throws a
  /// ``SpreadsheetError`` for an unreadable file or an ``ImportError`` for a bad mapping.
  public static func plan(
    file: SpreadsheetFile, mapping: ImportMapping, fields: [ImportField],
    duplicates: DuplicateRule<Record>?,
    validate: @escaping (ImportRow) -> Result<Record, RowRejection>
  ) throws -> ImportPlan<Record> {
    var planner: ImportPlanner?
    var mappingFailure: ImportError?
    try file.forEachRow { row throws(SpreadsheetError) in
      if planner != nil {
        planner?.add(row)
      } else if mappingFailure == nil {
        do throws(ImportError) {
          planner = try ImportPlanner(
            header: row.cells, mapping: mapping, fields: fields, duplicates: duplicates,
            validate: validate)
        } catch {
          mappingFailure = error
        }
      }
    }
    if let mappingFailure { throw mappingFailure }
    guard let planner else { throw SpreadsheetError.empty }
    return planner.plan()
  }

  /// The duplicate problem of a valid record, if its key was seen before or exists already;
  /// otherwise remembers the key.
  private mutating func duplicateProblem(of record: Record, row: Int) -> FieldProblem? {
    guard let rule = duplicates, let key = rule.key(record) else { return nil }
    if rule.existingKeys.contains(key) {
      return FieldProblem(
        field: rule.field, code: RowProblem.duplicateExistingCode, arguments: ["value": key])
    }
    if let firstRow = firstRowOfKey[key] {
      return FieldProblem(
        field: rule.field, code: RowProblem.duplicateInFileCode,
        arguments: ["value": key, "first_row": String(firstRow)])
    }
    firstRowOfKey[key] = row
    return nil
  }

  /// Counts the problems of an invalid row and lists them while the preview has room.
  private mutating func report(_ fieldProblems: [FieldProblem], row: Int) {
    for problem in fieldProblems {
      problemCount += 1
      guard problems.count < SpreadsheetLimits.previewProblemsMax else { continue }
      let column = mapping.columns[problem.field]
      problems.append(
        RowProblem(
          row: row, field: problem.field, columnLetters: column.map(ColumnName.letters(of:)),
          columnTitle: column.map { header[$0] }, code: problem.code,
          arguments: problem.arguments))
    }
  }
}
