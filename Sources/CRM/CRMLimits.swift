/// Sizes the customer pages and files keep to.
enum CRMLimits {
  /// The most customers one export file holds; a longer list must be narrowed by filters.
  static let exportRowsMax = 20_000
  /// The largest customer import file. The file travels back with the confirmation (see
  /// ``CustomerImportPages``) and its rows are written in the confirming request, so it stays
  /// small: 1 MiB holds several thousand customers.
  static let importBytesMax = 1_048_576
}
