import Dispatch
import FreightdeskCore

#if canImport(Glibc)
  import Glibc
#endif

/// The route optimiser's entry point: runs one search per thread and returns the best
/// solution after the independent feasibility checker has re-checked it.
///
/// ```swift
/// let data = try ProblemData(instance: try InstanceReader.read(path: "R101.txt"))
/// let result = try Solver.solve(data, options: SolverOptions(
///   stopping: StoppingCriteria(timeLimitSeconds: 10)))
/// print(result.solution.cost, result.solution.vehicleCount)
/// ```
public enum Solver {
  /// Solves `data` under `options`; `progress` hears of every new best of any thread.
  public static func solve(
    _ data: ProblemData, options: SolverOptions,
    progress: (@Sendable (SolverProgress) -> Void)? = nil
  ) throws(SolverError) -> SolverResult {
    let clock = MonotonicClock()
    let start = clock.nanoseconds()
    let results = ThreadResults(count: options.threads)
    let runOne: @Sendable (Int) -> Void = { thread in
      var run = SolverRun(data: data, options: options, thread: thread, progress: progress)
      results.set(thread, run.solve())
    }
    if options.threads == 1 {
      runOne(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: options.threads, execute: runOne)
    }
    let finished = results.all()
    let iterations = finished.reduce(0) { $0 + $1.iterations }
    var best: FoundSolution?
    for candidate in finished.compactMap(\.best) {
      if let current = best,
        !options.objective.prefers(
          vehicles: candidate.vehicles, cost: candidate.distance, over: current.vehicles,
          otherCost: current.distance)
      {
        continue
      }
      best = candidate
    }
    guard let best else { throw .noFeasibleSolution(fleet: data.fleetSize) }
    let solution = try checked(best, data)
    return SolverResult(
      solution: solution, iterations: iterations,
      elapsedSeconds: Double(clock.nanoseconds() - start) / 1e9)
  }

  /// Runs the checker on `found`; its cost must match the search's within rounding noise.
  static func checked(_ found: FoundSolution, _ data: ProblemData) throws(SolverError) -> Solution {
    let report = FeasibilityChecker.check(
      found.routes, instance: data.instance, rounding: data.rounding)
    let searchCost = Double(found.distance) / Double(data.scale)
    let arcs = Double(found.routes.reduce(0) { $0 + $1.count + 1 })
    let tolerance = arcs * 0.5 / Double(data.scale) + 1e-6
    guard report.isFeasible, abs(report.cost - searchCost) <= tolerance else {
      throw .checkerRejected(
        violations: report.violations, cost: report.cost, searchCost: searchCost)
    }
    return Solution(routes: found.routes, cost: report.cost)
  }
}

/// What one thread's run found.
struct ThreadOutcome: Sendable {
  var best: FoundSolution?
  var iterations: Int
}

/// Collects the threads' outcomes under a lock.
final class ThreadResults: @unchecked Sendable {
  private var outcomes: [ThreadOutcome?]
  private var lock = pthread_mutex_t()

  init(count: Int) {
    outcomes = Array(repeating: nil, count: count)
    pthread_mutex_init(&lock, nil)
  }

  deinit { pthread_mutex_destroy(&lock) }

  func set(_ thread: Int, _ outcome: ThreadOutcome) {
    pthread_mutex_lock(&lock)
    outcomes[thread] = outcome
    pthread_mutex_unlock(&lock)
  }

  func all() -> [ThreadOutcome] {
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    return outcomes.compactMap { $0 }
  }
}
