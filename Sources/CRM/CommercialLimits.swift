/// The commercial part's limits, unit last.
enum CommercialLimits {
  /// The most items one list answer or page shows.
  static let listItemsMax = 200
  /// The largest contract attachment (a scanned contract, an annex); stored in the database.
  static let contractAttachmentBytesMax = 5 * 1_048_576
  /// The most attachments one contract holds.
  static let contractAttachmentsMax = 20
}
