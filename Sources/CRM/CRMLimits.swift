/// Sizes the customer pages and files keep to.
enum CRMLimits {
  /// The most customers one export file holds; a longer list must be narrowed by filters.
  static let exportRowsMax = 20_000
  /// The largest customer import file previewed and written inside requests. The file
  /// travels back with the confirmation (see ``CustomerImportPages``) and its rows are written
  /// in the confirming request, so it stays small: 1 MiB holds several thousand customers.
  /// Bigger files run as a job (``CustomerImportJob``).
  static let importInlineBytesMax = 1_048_576
  /// The largest customer import file at all: 32 MiB holds some 300,000 customers as .xlsx.
  static let importUploadBytesMax = 32 * 1_048_576
  /// How many rows an import job checks between two progress reports.
  static let importProgressRowsStep = 5_000
  /// How long after an order event a customer's automatic tags are recomputed; the events
  /// of a burst of orders meanwhile are served by the same recomputation.
  static let automaticTagDebounceMilliseconds: Int64 = 60_000
  /// The most customers one transaction of a full recomputation of automatic tags covers.
  static let automaticTagBatchCustomersMax = 500
  /// Audit entries an import holds before recording them as one batch, which bounds the
  /// memory a 100,000-customer import spends on them while keeping the statements few.
  static let importAuditBatchEntriesMax = 2_000
}
