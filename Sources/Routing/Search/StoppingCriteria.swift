/// When a search stops: after a wall-clock time, after a number of iterations, or at
/// whichever of the two comes first. Progress (0…1) drives the search's schedules, so runs
/// limited by iterations alone are fully reproducible.
public struct StoppingCriteria: Sendable {
  /// Wall-clock limit in seconds, if any.
  public var timeLimitSeconds: Double?
  /// Iteration limit per search thread, if any.
  public var iterationLimit: Int?

  /// Creates criteria; at least one limit must be given.
  public init(timeLimitSeconds: Double? = nil, iterationLimit: Int? = nil) {
    precondition(
      timeLimitSeconds != nil || iterationLimit != nil, "a search needs a time or iteration limit")
    self.timeLimitSeconds = timeLimitSeconds.map { min($0, Limits.timeLimitSecondsMax) }
    self.iterationLimit = iterationLimit
  }

  /// How far along the search is, from 0 to 1 (or more once a limit is passed).
  func progress(iteration: Int, elapsedSeconds: Double) -> Double {
    var progress = 0.0
    if let timeLimitSeconds {
      progress = max(progress, elapsedSeconds / max(timeLimitSeconds, 1e-9))
    }
    if let iterationLimit {
      progress = max(progress, Double(iteration) / Double(max(iterationLimit, 1)))
    }
    return progress
  }
}
