import FreightdeskCore

/// How a dispatch solve runs.
public struct DispatchOptions: Sendable {
  /// When the search stops.
  public var stopping: StoppingCriteria
  /// Seed of all randomness: the same seed and iteration limit give the same plan.
  public var seed: UInt64

  /// Creates options.
  public init(stopping: StoppingCriteria, seed: UInt64 = 1) {
    self.stopping = stopping
    self.seed = seed
  }
}

/// A snapshot of a running dispatch solve.
public struct DispatchProgress: Sendable {
  /// Seconds since the solve started.
  public var elapsedSeconds: Double
  /// Share of the budget used, 0…1.
  public var fraction: Double
  /// Cost of the best plan so far.
  public var cost: Double
  /// Stops left out in it.
  public var unassigned: Int
}

/// The outcome of a dispatch solve.
public struct DispatchResult: Sendable {
  /// The best plan, accepted by ``DispatchChecker``.
  public var plan: DispatchPlan
  /// Ruin-and-recreate iterations run.
  public var iterations: Int
  /// Seconds until the first complete plan (construction) was ready.
  public var firstPlanSeconds: Double
  /// Wall-clock seconds of the whole solve.
  public var elapsedSeconds: Double
}

/// Why a dispatch solve produced no plan.
public enum DispatchSolverError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The problem itself is invalid.
  case problem(DispatchProblemError)
  /// The independent checker rejected the plan: a bug, never shown silently.
  case checkerRejected([PlanViolation])

  /// One line for the user.
  public var description: String {
    switch self {
    case .problem(let error): error.description
    case .checkerRejected(let violations):
      "internal error: checker rejected the plan" + violations.prefix(5).map { "; \($0)" }.joined()
    }
  }
}

/// Plans a real dispatch day: a cheapest-insertion construction gives a complete plan fast,
/// then ruin and recreate (string removals around a random stop, greedy reinsertion,
/// threshold acceptance) improves it until the budget is spent. The objective is, in order:
/// the priorities of stops left out, their number, then money. Every plan returned has
/// passed ``DispatchChecker``.
///
/// ```swift
/// let result = try DispatchSolver.solve(problem, options: DispatchOptions(
///   stopping: StoppingCriteria(timeLimitSeconds: 5)))
/// print(result.plan.cost, result.plan.unassigned.map(\.reason))
/// ```
public enum DispatchSolver {
  /// Solves `problem`; `progress` hears of every new best plan and, between them, about once
  /// a second.
  public static func solve(
    _ problem: DispatchProblem, options: DispatchOptions,
    progress: (@Sendable (DispatchProgress) -> Void)? = nil
  ) throws(DispatchSolverError) -> DispatchResult {
    let clock = MonotonicClock()
    let started = clock.nanoseconds()
    let data: DispatchData
    do {
      data = try DispatchData(problem)
    } catch {
      throw .problem(error)
    }
    var search = DispatchSearch(data: data, options: options, clock: clock, started: started)
    search.onImprovement = progress
    search.construct()
    let firstPlan = search.elapsedSeconds
    search.improve()
    let plan = search.plan()
    let report = DispatchChecker.check(plan, problem: problem)
    guard report.isFeasible else { throw .checkerRejected(report.violations) }
    return DispatchResult(
      plan: plan, iterations: search.iteration, firstPlanSeconds: firstPlan,
      elapsedSeconds: search.elapsedSeconds)
  }

  /// Checks `problem` without solving it: every error a solve would raise before searching.
  public static func validate(_ problem: DispatchProblem) throws(DispatchProblemError) {
    _ = try DispatchData(problem)
  }
}
