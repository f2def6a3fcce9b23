import Routing
import Testing

/// The checker catches each kind of broken plan: a feasible plan is solved, then damaged.
@Suite struct DispatchCheckerTests {
  static let problem = DispatchProblem(
    jobs: [
      DispatchRuleTests.job(1, at: 1, amount: 4),
      DispatchJob(
        stop: DispatchStop(
          id: 2, location: 2, serviceSeconds: 60, timeWindows: [TimeWindow(start: 0, end: 5_000)]),
        delivery: [4]),
    ],
    vehicles: [DispatchRuleTests.vehicle(1, capacity: 10)], travel: DispatchRuleTests.travel)

  static func plan() throws -> DispatchPlan {
    try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: StoppingCriteria(iterationLimit: 10))
    ).plan
  }

  static func rules(_ plan: DispatchPlan, problem: DispatchProblem = problem) -> [String] {
    DispatchChecker.check(plan, problem: problem).violations.map(\.rule)
  }

  @Test func aSolvedPlanIsFeasibleAndItsCostRecomputed() throws {
    let plan = try Self.plan()
    let report = DispatchChecker.check(plan, problem: Self.problem)
    #expect(report.isFeasible)
    #expect(report.cost == plan.cost)
  }

  @Test func arrivingSoonerThanTheDriveAllowsIsCaught() throws {
    var plan = try Self.plan()
    plan.routes[0].steps[2].arrival -= 1
    #expect(Self.rules(plan).contains("timing"))
  }

  @Test func aStopServedTwiceOrNeverIsCaught() throws {
    var plan = try Self.plan()
    plan.routes[0].steps[2] = plan.routes[0].steps[1]
    let rules = Self.rules(plan)
    #expect(rules.contains("stop_repeated"))
    #expect(rules.contains("stop_missing"))
  }

  @Test func overloadIsCaught() throws {
    var problem = Self.problem
    problem.vehicles[0].capacity = [7]
    #expect(Self.rules(try Self.plan(), problem: problem).contains(RouteRule.capacity.rawValue))
  }

  @Test func aMissedWindowIsCaught() throws {
    var problem = Self.problem
    problem.jobs[1].stop.timeWindows = [TimeWindow(start: 0, end: 100)]
    #expect(Self.rules(try Self.plan(), problem: problem).contains(RouteRule.timeWindow.rawValue))
  }

  @Test func aMissingSkillAndAMissingBreakAreCaught() throws {
    var problem = Self.problem
    problem.jobs[0].skills = [3]
    problem.vehicles[0].breaks = [VehicleBreak(id: 1, timeWindows: [], serviceSeconds: 60)]
    let rules = Self.rules(try Self.plan(), problem: problem)
    #expect(rules.contains(RouteRule.skills.rawValue))
    #expect(rules.contains("break_missing"))
  }

  @Test func aWrongCostOrLoadIsCaught() throws {
    var plan = try Self.plan()
    plan.routes[0].cost += 1
    plan.routes[0].steps[0].load = [1]
    let rules = Self.rules(plan)
    #expect(rules.contains("cost_mismatch"))
    #expect(rules.contains("load"))
  }

  @Test func routeLimitsAreCaught() throws {
    var problem = Self.problem
    problem.vehicles[0].maxTasks = 1
    problem.vehicles[0].maxDistanceMeters = 10
    problem.vehicles[0].shift = TimeWindow(start: 0, end: 100)
    let rules = Self.rules(try Self.plan(), problem: problem)
    #expect(rules.contains(RouteRule.maxTasks.rawValue))
    #expect(rules.contains(RouteRule.maxDistance.rawValue))
    #expect(rules.contains(RouteRule.shift.rawValue))
  }
}
