/// The commercial part's limits, unit last.
enum CommercialLimits {
  /// The most items one list answer or page shows.
  static let listItemsMax = 200
}
