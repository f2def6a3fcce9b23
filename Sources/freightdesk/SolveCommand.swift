import Routing

#if canImport(Glibc)
  import Glibc
#endif

/// `freightdesk solve FILE …`: reads a Solomon or VRPLIB instance, optimises its routes and
/// prints (or writes) the solution in VRPLIB `.sol` form, with a live progress line on a
/// terminal.
enum SolveCommand {
  /// One line for `freightdesk --help`.
  static let summary = "solve a vehicle-routing instance (Solomon or VRPLIB file)"

  static let usage = """
    usage: freightdesk solve FILE [--time-limit SECONDS] [--iterations N] [--seed N]
                             [--threads N] [--objective distance|vehicles-then-distance]
                             [--rounding none|nint|trunc1] [--output FILE.sol]
           freightdesk solve --format vroom PROBLEM.json [--time-limit SECONDS]
                             [--iterations N] [--seed N] [--output SOLUTION.json]

    Reads a Solomon (.txt) or VRPLIB (.vrp) CVRP/VRPTW instance and prints the best
    solution found as VRPLIB `Route #k:` lines and a `Cost` line (customers numbered
    1…n in file order, depot left out). Defaults: --time-limit 10, --seed 1,
    --threads 1, --objective distance, rounding from the file (Solomon: none,
    VRPLIB EUC_2D: nint). With --iterations and no --time-limit the result is the
    same on every run.

    With --format vroom, PROBLEM.json is in VROOM's problem format (jobs, shipments,
    vehicles, matrices or [lon, lat] locations) and the answer is VROOM's solution
    JSON; a problem that cannot be solved as stated exits 1 naming the field, the job
    and the rule.
    """

  /// Runs the command with the arguments after `solve`; returns the exit status.
  static func run(_ arguments: [String]) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(usage)
      return 0
    }
    let request: SolveRequest
    do {
      request = try SolveRequest(arguments)
    } catch {
      printError("freightdesk solve: \(error.message) (try --help)")
      return 2
    }
    if request.format == .vroom { return VROOMSolve.run(request) }
    return solve(request)
  }

  private static func solve(_ request: SolveRequest) -> Int32 {
    let data: ProblemData
    let result: SolverResult
    do {
      let instance = try InstanceReader.read(path: request.path)
      data = try ProblemData(instance: instance, rounding: request.rounding)
      let display = ProgressLine(
        enabled: isatty(STDERR_FILENO) == 1, objective: request.options.objective)
      result = try Solver.solve(data, options: request.options, progress: display.show)
      display.finish()
    } catch {
      printError("freightdesk solve: \(request.path): \(error)")
      return 1
    }
    let text = SolutionWriter.vrplib(result.solution)
    if let output = request.output {
      guard let file = fopen(output, "w") else {
        printError("freightdesk solve: cannot write \(output)")
        return 1
      }
      fputs(text, file)
      fclose(file)
    } else {
      print(text, terminator: "")
    }
    printError(
      "\(data.instance.name): cost \(SolutionWriter.formatted(result.solution.cost)), "
        + "\(result.solution.vehicleCount) vehicles, \(result.iterations) iterations, "
        + "\(SolutionWriter.formatted(result.elapsedSeconds)) s")
    return 0
  }

  static func printError(_ line: String) {
    writeToStandardError(line + "\n")
  }

  /// Writes `text` to standard error unbuffered (safe from any thread).
  static func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = write(STDERR_FILENO, &bytes, bytes.count)
  }
}

/// The parsed arguments of `freightdesk solve`.
struct SolveRequest {
  /// The problem file's format.
  enum Format: String {
    /// Solomon or VRPLIB text, told apart by content.
    case vrplib
    /// VROOM's JSON problem format.
    case vroom
  }

  var path: String
  var options: SolverOptions
  var rounding: Rounding? = nil
  var output: String?
  var format = Format.vrplib

  /// A bad argument, described in one line.
  struct Failure: Error {
    var message: String
  }

  init(_ arguments: [String]) throws(Failure) {
    var path: String?
    var values: [String: String] = [:]
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument.hasPrefix("--") {
        guard Self.options.contains(argument) else {
          throw Failure(message: "unknown option \(argument)")
        }
        guard index + 1 < arguments.count else {
          throw Failure(message: "\(argument) needs a value")
        }
        values[argument] = arguments[index + 1]
        index += 2
      } else {
        guard path == nil else { throw Failure(message: "unexpected argument \(argument)") }
        path = argument
        index += 1
      }
    }
    guard let path else { throw Failure(message: "missing instance FILE") }
    self.path = path
    output = values["--output"]
    if let text = values["--format"] {
      guard let format = Format(rawValue: text) else {
        throw Failure(message: "--format must be vrplib or vroom, not \(text)")
      }
      self.format = format
      let solomonOnly = ["--threads", "--objective", "--rounding"].filter { values[$0] != nil }
      if format == .vroom, let option = solomonOnly.first {
        throw Failure(message: "\(option) does not apply to --format vroom")
      }
    }
    if let text = values["--rounding"] {
      guard let rounding = Rounding(rawValue: text) else {
        throw Failure(message: "--rounding must be none, nint or trunc1, not \(text)")
      }
      self.rounding = rounding
    }
    options = try Self.solverOptions(values)
  }

  static let options: Set<String> = [
    "--time-limit", "--iterations", "--seed", "--threads", "--objective", "--rounding",
    "--output", "--format",
  ]

  private static func solverOptions(_ values: [String: String]) throws(Failure) -> SolverOptions {
    let iterations = try integer(values["--iterations"], "--iterations", min: 1)
    var seconds: Double? = iterations == nil ? 10 : nil
    if let text = values["--time-limit"] {
      guard let value = Double(text), value > 0, value <= Limits.timeLimitSecondsMax else {
        throw Failure(
          message: "--time-limit must be seconds in (0, \(Int(Limits.timeLimitSecondsMax))]")
      }
      seconds = value
    }
    let objectiveText = values["--objective"] ?? Objective.distance.rawValue
    guard let objective = Objective(rawValue: objectiveText) else {
      throw Failure(
        message: "--objective must be distance or vehicles-then-distance, not \(objectiveText)")
    }
    return SolverOptions(
      objective: objective,
      stopping: StoppingCriteria(timeLimitSeconds: seconds, iterationLimit: iterations),
      seed: UInt64(try integer(values["--seed"], "--seed", min: 0) ?? 1),
      threads: try integer(values["--threads"], "--threads", min: 1) ?? 1)
  }

  private static func integer(_ text: String?, _ name: String, min: Int) throws(Failure) -> Int? {
    guard let text else { return nil }
    guard let value = Int(text), value >= min else {
      throw Failure(message: "\(name) must be a whole number of at least \(min), not \(text)")
    }
    if name == "--threads", value > Limits.threadsMax {
      throw Failure(message: "--threads must be at most \(Limits.threadsMax)")
    }
    return value
  }
}

/// The live `best cost / vehicles` line shown on a terminal while the search runs; search
/// threads report to it concurrently.
private final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private let objective: Objective
  private var best: (vehicles: Int, cost: Double)?
  private var lock = pthread_mutex_t()

  init(enabled: Bool, objective: Objective) {
    self.enabled = enabled
    self.objective = objective
    pthread_mutex_init(&lock, nil)
  }

  deinit { pthread_mutex_destroy(&lock) }

  /// Shows `progress` if it beats what is shown.
  func show(_ progress: SolverProgress) {
    guard enabled else { return }
    pthread_mutex_lock(&lock)
    defer { pthread_mutex_unlock(&lock) }
    if let best {
      let fewer = progress.vehicles < best.vehicles
      let sameOrFewer = objective == .distance || progress.vehicles <= best.vehicles
      guard fewer && objective == .vehiclesThenDistance || sameOrFewer && progress.cost < best.cost
      else { return }
    }
    best = (progress.vehicles, progress.cost)
    let line =
      "\r\u{1B}[K  \(SolutionWriter.formatted(progress.elapsedSeconds)) s  best "
      + "\(SolutionWriter.formatted(progress.cost))  \(progress.vehicles) vehicles"
    SolveCommand.writeToStandardError(line)
  }

  /// Ends the line so later output starts on a fresh one.
  func finish() {
    guard enabled else { return }
    SolveCommand.writeToStandardError("\n")
  }
}
