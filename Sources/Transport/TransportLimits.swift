/// Hard limits of the transport module, named with their unit last.
enum TransportLimits {
  /// Longest time limit an optimisation may ask for: a dispatcher waits minutes, not hours,
  /// and one run must not hold a worker thread all day.
  static let optimizationSecondsMax = 300
  /// Time limit when the request names none.
  static let optimizationSecondsDefault = 30
  /// Largest VROOM problem accepted (a 1 000-stop matrix pair is about 11 MB of JSON).
  static let optimizationRequestBytesMax = 24 * 1_024 * 1_024
  /// Runs listed on the optimisations page.
  static let optimizationsListedMax = 50
}
