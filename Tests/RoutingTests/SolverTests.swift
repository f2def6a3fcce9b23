import Routing
import Testing

@Suite struct SolverTests {
  static func options(
    iterations: Int, seed: UInt64 = 7, threads: Int = 1,
    objective: Objective = .distance
  ) -> SolverOptions {
    SolverOptions(
      objective: objective, stopping: StoppingCriteria(iterationLimit: iterations), seed: seed,
      threads: threads)
  }

  @Test(arguments: [(UInt64(1), false), (2, false), (3, true), (4, true), (5, true)])
  func tinyInstancesAreSolvedToTheBruteForceOptimum(seed: UInt64, timeWindows: Bool) throws {
    let instance = TestInstances.random(
      customers: 6, seed: seed, timeWindows: timeWindows, capacity: 20)
    let optimum = try #require(TestInstances.bruteForceOptimum(instance))
    let result = try Solver.solve(
      ProblemData(instance: instance), options: Self.options(iterations: 150))
    #expect(abs(result.solution.cost - optimum) < 1e-3)
  }

  @Test(arguments: 1...6)
  func randomInstancesAlwaysPassTheIndependentChecker(seed: Int) throws {
    let instance = TestInstances.random(
      customers: 30, seed: UInt64(seed) * 101, timeWindows: seed % 2 == 0, capacity: 40)
    let data = try ProblemData(instance: instance)
    let result = try Solver.solve(data, options: Self.options(iterations: 100, seed: UInt64(seed)))
    let report = FeasibilityChecker.check(
      result.solution.routes, instance: instance, rounding: .none)
    #expect(report.isFeasible, "\(report.violations)")
    #expect(abs(report.cost - result.solution.cost) < 1e-9)
    #expect(result.solution.routes.flatMap { $0 }.sorted() == Array(1...30))
  }

  @Test func sameSeedAndIterationLimitGiveTheSameSolution() throws {
    let data = try ProblemData(
      instance: TestInstances.random(customers: 30, seed: 99, timeWindows: true, capacity: 50))
    let first = try Solver.solve(data, options: Self.options(iterations: 80, seed: 3))
    let second = try Solver.solve(data, options: Self.options(iterations: 80, seed: 3))
    #expect(first.solution == second.solution)
  }

  @Test func severalThreadsAreDeterministicForAFixedSeedAndThreadCount() throws {
    let data = try ProblemData(
      instance: TestInstances.random(customers: 30, seed: 5, timeWindows: false, capacity: 40))
    let first = try Solver.solve(data, options: Self.options(iterations: 60, threads: 2))
    let second = try Solver.solve(data, options: Self.options(iterations: 60, threads: 2))
    let single = try Solver.solve(data, options: Self.options(iterations: 60, threads: 1))
    #expect(first.solution == second.solution)
    #expect(first.solution.cost <= single.solution.cost + 1e-9)
    #expect(first.iterations == 120)
  }

  @Test func hierarchicalObjectiveNeverUsesMoreVehiclesThanDistanceObjective() throws {
    let data = try ProblemData(
      instance: TestInstances.random(customers: 30, seed: 17, timeWindows: true, capacity: 60))
    let distance = try Solver.solve(data, options: Self.options(iterations: 150))
    let hierarchical = try Solver.solve(
      data, options: Self.options(iterations: 150, objective: .vehiclesThenDistance))
    #expect(hierarchical.solution.vehicleCount <= distance.solution.vehicleCount)
  }

  @Test func aFleetTooSmallForTheTimeWindowsGivesNoFeasibleSolution() throws {
    var instance = TestInstances.random(customers: 8, seed: 1, timeWindows: false, capacity: 1_000)
    for index in instance.customers.indices {
      instance.customers[index].readyTime = 100
      instance.customers[index].dueTime = 100
      instance.customers[index].serviceTime = 10
    }
    instance.depot.dueTime = 1_000
    instance.fleetSize = 2
    let data = try ProblemData(instance: instance)
    #expect(throws: SolverError.noFeasibleSolution(fleet: 2)) {
      try Solver.solve(data, options: Self.options(iterations: 30))
    }
  }
}
