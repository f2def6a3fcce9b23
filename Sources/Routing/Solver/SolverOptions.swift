/// How a solve runs: what to minimise, when to stop, the seed, and how many threads.
///
/// With an iteration limit and no time limit, the same options on the same problem give the
/// same solution on every run and machine. With a time limit, how far the search gets
/// depends on the machine's speed, so results may differ between runs.
public struct SolverOptions: Sendable {
  /// What is minimised.
  public var objective: Objective
  /// When each search thread stops.
  public var stopping: StoppingCriteria
  /// Seed of all randomness; thread `k` uses a seed derived from it and `k`.
  public var seed: UInt64
  /// Independent searches run in parallel; the best result wins, ties to the lowest thread.
  public var threads: Int

  /// Creates options.
  public init(
    objective: Objective = .distance, stopping: StoppingCriteria, seed: UInt64 = 1,
    threads: Int = 1
  ) {
    self.objective = objective
    self.stopping = stopping
    self.seed = seed
    self.threads = max(1, min(threads, Limits.threadsMax))
  }
}

/// A snapshot of a running solve, for progress displays.
public struct SolverProgress: Sendable {
  /// Seconds since the solve started.
  public var elapsedSeconds: Double
  /// Best feasible distance so far, in instance units (the search's scaled value / scale).
  public var cost: Double
  /// Vehicles of that solution.
  public var vehicles: Int
  /// The thread that found it.
  public var thread: Int
}

/// The outcome of a solve.
public struct SolverResult: Sendable {
  /// The best solution, accepted by the feasibility checker.
  public var solution: Solution
  /// Kicks of the iterated local search, summed over threads.
  public var iterations: Int
  /// Wall-clock seconds the solve took.
  public var elapsedSeconds: Double
}

/// Why a solve produced no solution.
public enum SolverError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No feasible solution was found within the limits (the fleet may be too small).
  case noFeasibleSolution(fleet: Int)
  /// The independent checker rejected what the search returned: a bug, never shown silently.
  case checkerRejected(violations: [Violation], cost: Double, searchCost: Double)

  /// One line for the user.
  public var description: String {
    switch self {
    case .noFeasibleSolution(let fleet):
      "no feasible solution found with \(fleet) vehicles within the limits (no_feasible_solution)"
    case .checkerRejected(let violations, let cost, let searchCost):
      "internal error: checker rejected the solution (cost \(cost), search said \(searchCost))"
        + violations.map { "; \($0)" }.joined()
    }
  }
}
