/// The bounds every import stays within, so a hostile or mistaken file (a zip bomb, a sheet
/// of a million empty rows, a 100 MB cell) is refused with a clear error instead of
/// exhausting the server.
public enum SpreadsheetLimits {
  /// The largest file accepted, as uploaded (compressed, for .xlsx).
  public static let fileBytesMax = 64 * 1024 * 1024
  /// The largest uncompressed part of an .xlsx archive (a sheet or the shared strings).
  public static let partBytesMax = 512 * 1024 * 1024
  /// The most data rows (not counting the header) one import may hold.
  public static let rowsMax = 200_000
  /// The most columns a row may have.
  public static let columnsMax = 256
  /// The most characters (UTF-16 code units, as Excel counts) one cell may hold; Excel's own.
  public static let cellCharactersMax = 32_767
  /// The most text (UTF-8 bytes) an .xlsx shared-string table may hold; it is kept in memory.
  public static let sharedStringsBytesMax = 256 * 1024 * 1024
  /// The most problems an import preview lists; the rest are only counted.
  public static let previewProblemsMax = 1_000
  /// The most valid rows an import preview shows.
  public static let previewRowsMax = 20
}
