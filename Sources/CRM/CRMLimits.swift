/// Sizes the customer pages and files keep to.
enum CRMLimits {
  /// The most customers one export file holds; a longer list must be narrowed by filters.
  static let exportRowsMax = 20_000
}
