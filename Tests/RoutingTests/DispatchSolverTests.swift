import Routing
import Testing

@Suite struct DispatchSolverTests {
  @Test(arguments: 1...12 as ClosedRange<UInt64>)
  func everyPlanOnRandomProblemsPassesTheChecker(seed: UInt64) throws {
    let problem = DispatchFixtures.problem(seed: seed, jobs: 30, shipments: 5, vehicles: 4)
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
}
