import FreightdeskCore
import Storage

extension Row {
  /// The `YYYY-MM-DD` text in `column` as a day.
  func calendarDay(_ column: String) throws -> CivilDate {
    let text = try string(column)
    guard let day = CivilDate(text) else {
      throw DatabaseError.columnTypeMismatch(column: column, expected: "YYYY-MM-DD", found: text)
    }
    return day
  }

  /// The code in `column` as a value of `type`.
  func code<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T
  where T.RawValue == String {
    let text = try string(column)
    guard let value = T(rawValue: text) else {
      throw DatabaseError.columnTypeMismatch(
        column: column, expected: String(describing: type), found: text)
    }
    return value
  }
}
