import FreightdeskCore
import Routing

#if canImport(Glibc)
  import Glibc
#endif

/// `freightdesk solve --format vroom PROBLEM.json`: reads a VROOM-format problem, plans it
/// with ``DispatchSolver`` and prints (or writes) VROOM's solution JSON.
enum VROOMSolve {
  static func run(_ request: SolveRequest) -> Int32 {
    let clock = MonotonicClock()
    let started = clock.nanoseconds()
    let problem: DispatchProblem
    let result: DispatchResult
    do {
      problem = try VROOMProblemReader.read(path: request.path)
    } catch {
      SolveCommand.printError("freightdesk solve: \(request.path): \(error)")
      return 1
    }
    let loading = Int((clock.nanoseconds() - started) / 1_000_000)
    do {
      result = try DispatchSolver.solve(
        problem,
        options: DispatchOptions(stopping: request.options.stopping, seed: request.options.seed))
    } catch {
      SolveCommand.printError("freightdesk solve: \(request.path): \(error)")
      return 1
    }
    let text = VROOMSolutionWriter.write(result, problem: problem, loadingMilliseconds: loading)
    if let output = request.output {
      guard let file = fopen(output, "w") else {
        SolveCommand.printError("freightdesk solve: cannot write \(output)")
        return 1
      }
      fputs(text, file)
      fclose(file)
    } else {
      print(text, terminator: "")
    }
    SolveCommand.printError(
      "\(request.path): cost \(Int(result.plan.cost.rounded())), \(result.plan.routes.count) routes, "
        + "\(result.plan.unassigned.count) unassigned, first plan "
        + "\(SolutionWriter.formatted(result.firstPlanSeconds)) s, \(result.iterations) iterations, "
        + "\(SolutionWriter.formatted(result.elapsedSeconds)) s")
    return 0
  }
}
