/// The limits of the orders module, each named with its unit last.
public enum OrdersLimits {
  /// Stops on one order.
  public static let stopsMax = 10
  /// Time windows at one stop.
  public static let windowsPerStopMax = 5
  /// Cargo lines on one order.
  public static let cargoLinesMax = 50
  /// Packages on one cargo line.
  public static let packagesPerLineMax = 100_000
  /// Kilograms or cubic metres on one cargo line.
  public static let quantityPerLineMax = 1_000_000.0
  /// Characters of an order's notes.
  public static let notesCharactersMax = 500
  /// Characters of an exception's reason.
  public static let exceptionReasonCharactersMax = 200
  /// Timeline entries one order shows.
  public static let timelineEntriesMax = 200
  /// Saved list views one user keeps.
  public static let savedViewsMax = 50
  /// Characters of a saved view's name.
  public static let savedViewNameCharactersMax = 40
  /// Customers the order form offers to choose from.
  public static let customerChoicesMax = 2_000
  /// Orders one list page of the staff app shows.
  public static let pageRowsMax = 50
  /// Bytes of an order import file; the orders are written inside the confirming request,
  /// which this keeps to a few thousand.
  public static let importBytesMax = 1_048_576
  /// Orders one bulk action changes.
  public static let bulkOrdersMax = 200
  /// Wrong tracking guesses one client address may make per window before it must wait.
  public static let trackingGuessesMax = 10
  /// The tracking throttle's window in seconds.
  public static let trackingWindowSeconds: Int64 = 900
  /// Labels printed for one order, one A6 page per package: a full truck of parcels, while a
  /// sheet stays a few megabytes.
  public static let labelsPerOrderMax = 2_000
}
