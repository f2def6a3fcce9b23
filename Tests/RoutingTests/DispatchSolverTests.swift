import Routing
import Testing

@Suite struct DispatchSolverTests {
  /// Odd seeds drive in rush hours (every place simulated); even ones on free roads, where
  /// single-trip vehicles price places without simulating them.
  @Test(arguments: 1...16 as ClosedRange<UInt64>)
  func everyPlanOnRandomProblemsPassesTheChecker(seed: UInt64) throws {
    let problem = DispatchFixtures.problem(
      seed: seed, jobs: 30, shipments: 5, vehicles: 4, congested: seed % 2 == 1)
    let result = try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: StoppingCriteria(iterationLimit: 200), seed: seed)
    )
    let report = DispatchChecker.check(result.plan, problem: problem)
    #expect(report.violations == [])
    #expect(abs(report.cost - result.plan.cost) < 1e-6 * max(1, report.cost))
    let served = result.plan.routes.flatMap(\.steps).filter {
      [.job, .pickup, .delivery].contains($0.kind)
    }
    #expect(served.count + result.plan.unassigned.count == 30 + 2 * 5)
  }

  @Test func theSameSeedAndIterationLimitGiveTheSamePlan() throws {
    let problem = DispatchFixtures.problem(seed: 5, jobs: 25, shipments: 3, vehicles: 3)
    let options = DispatchOptions(stopping: StoppingCriteria(iterationLimit: 100), seed: 9)
    let first = try DispatchSolver.solve(problem, options: options).plan
    let second = try DispatchSolver.solve(problem, options: options).plan
    #expect(first == second)
  }

  @Test func theSearchImprovesOnTheFirstPlan() throws {
    let problem = DispatchFixtures.problem(
      seed: 3, jobs: 40, shipments: 0, vehicles: 5, congested: false)
    let first = try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: StoppingCriteria(iterationLimit: 1)))
    let searched = try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: StoppingCriteria(iterationLimit: 500)))
    #expect(
      searched.plan.unassigned.count < first.plan.unassigned.count
        || searched.plan.cost < first.plan.cost)
  }
}
