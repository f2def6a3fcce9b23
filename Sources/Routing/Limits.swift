/// Hard limits of the route optimiser, named with their unit last, so that no input can make
/// it allocate or run without bound.
public enum Limits {
  /// Most customers one instance may hold; the distance and duration matrices grow with the
  /// square of this (3 000 customers is about 144 MB of matrices).
  public static let customersMax = 3_000
  /// Longest wall-clock time limit a caller may ask for (one day).
  public static let timeLimitSecondsMax = 86_400.0
  /// Most search threads a caller may ask for.
  public static let threadsMax = 64
  /// Largest instance file the readers accept.
  public static let instanceFileBytesMax = 64 * 1_024 * 1_024
  /// Deepest nesting of arrays and objects the JSON reader follows (a VROOM problem needs
  /// five), so that no input can exhaust the stack.
  public static let jsonNestingDepthMax = 64
  /// Longest text of one JSON number with a fraction or exponent (whole numbers of up to 15
  /// digits are read without text).
  public static let jsonNumberBytesMax = 64
  /// Largest absolute coordinate, time or demand value the readers accept, so that scaled
  /// integer arithmetic cannot overflow.
  public static let valueMagnitudeMax = 1.0e9
  /// Most stops (jobs plus two per shipment) one dispatch problem may hold.
  public static let dispatchStopsMax = 5_000
  /// Most distinct places of a dispatch problem; each profile's matrices grow with the
  /// square of this (3 000 places is about 72 MB per matrix).
  public static let dispatchLocationsMax = 3_000
  /// Most vehicles of a dispatch problem.
  public static let dispatchVehiclesMax = 2_000
}
