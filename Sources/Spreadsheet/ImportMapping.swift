import Foundation

/// Which column of the file feeds which field: suggested from the header, shown to the
/// user, corrected by them, then checked before the rows are read.
public struct ImportMapping: Sendable, Equatable {
  /// The 0-based column of each mapped field, by field key.
  public var columns: [String: Int]

  /// A mapping of the given field keys to columns.
  public init(columns: [String: Int] = [:]) {
    self.columns = columns
  }

  /// Suggests a column for each field whose alias matches a header title: exact matches
  /// (after normalising case, spaces, punctuation and full-width forms) first, then titles
  /// that start with an alias, such as `客户名称（必填）` for `客户名称`. Each column feeds at
  /// most one field, and each field takes the leftmost column that matches.
  public static func suggested(header: [String], fields: [ImportField]) -> ImportMapping {
    let titles = header.map(normalized)
    var mapping = ImportMapping()
    var usedColumns = Set<Int>()
    let rules: [(_ title: String, _ alias: String) -> Bool] = [(==), { $0.hasPrefix($1) }]
    for matches in rules {
      for field in fields where mapping.columns[field.key] == nil {
        let aliases = field.aliases.map(normalized).filter { !$0.isEmpty }
        let column = titles.indices.first { column in
          !usedColumns.contains(column) && aliases.contains { matches(titles[column], $0) }
        }
        if let column {
          mapping.columns[field.key] = column
          usedColumns.insert(column)
        }
      }
    }
    return mapping
  }

  /// Checks the mapping against the file's header: every required field has a column, every
  /// column exists, and no column feeds two fields.
  public func check(header: [String], fields: [ImportField]) throws(ImportError) {
    for field in fields where field.isRequired && columns[field.key] == nil {
      throw .requiredFieldUnmapped(field: field.key)
    }
    var seen = Set<Int>()
    for column in columns.values.sorted() {
      guard header.indices.contains(column) else {
        throw .unknownColumn(column: ColumnName.letters(of: column))
      }
      guard seen.insert(column).inserted else {
        throw .columnMappedTwice(column: ColumnName.letters(of: column))
      }
    }
  }

  /// The field values of `row`, trimmed of surrounding spaces.
  public func values(of row: SheetRow) -> ImportRow {
    ImportRow(
      number: row.number,
      values: columns.mapValues { row.cell(at: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
    )
  }

  /// A header title or alias reduced to what identifies it: compatibility forms folded
  /// (full-width letters become ASCII), lowercased, letters and digits only.
  static func normalized(_ title: String) -> String {
    let folded = title.precomposedStringWithCompatibilityMapping.lowercased()
    return String(String.UnicodeScalarView(folded.unicodeScalars.filter(isIdentifying)))
  }

  private static func isIdentifying(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}

/// One data row with its values looked up by field: what a validator sees.
public struct ImportRow: Sendable, Equatable {
  /// The row's number in the file.
  public let number: Int
  private let values: [String: String]

  /// A row of field values, as ``ImportMapping/values(of:)`` builds it.
  public init(number: Int, values: [String: String]) {
    self.number = number
    self.values = values
  }

  /// The trimmed value of `field`; empty when the cell is empty or the field is unmapped.
  public subscript(field: String) -> String {
    values[field] ?? ""
  }
}
