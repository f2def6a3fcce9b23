import FreightdeskCore
import Testing

@testable import Routing

@Suite struct RouteEliminationTests {
  /// Twelve customers around the depot whose demands (160 in all) fill four vehicles of
  /// capacity 40 exactly, in one way only up to order: the minimum fleet is four, and the
  /// ejection pool must eject clients to pack them.
  static func tightPacking() -> Instance {
    let demands = [10, 10, 10, 10, 20, 20, 15, 15, 5, 5, 30, 10]
    let customers = demands.enumerated().map { index, demand in
      Site(x: Double(10 + 7 * index), y: Double(20 + (index * 37) % 60), demand: demand)
    }
    return Instance(
      name: "tight-packing", depot: Site(x: 50, y: 50), customers: customers,
      vehicleCapacity: 40, fleetSize: 6)
  }

  /// Five feasible routes with loads 30, 30, 35, 25 and 40.
  static let fiveRoutes = [[1, 2, 3], [4, 5], [6, 7], [8, 9, 10], [11, 12]]

  func eliminate(seed: UInt64) throws -> FoundSolution? {
    let data = try ProblemData(instance: Self.tightPacking())
    var search = IteratedLocalSearch(
      data: data, objective: .vehiclesThenDistance,
      criteria: StoppingCriteria(iterationLimit: 100), seed: seed)
    return search.eliminateRoute(from: Self.fiveRoutes, until: 1)
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func ejectionPoolReachesTheMinimumFleetFeasibly(seed: UInt64) throws {
    let found = try #require(try eliminate(seed: seed))
    #expect(found.vehicles == 4)
    #expect(found.routes.flatMap { $0 }.sorted() == Array(1...12))
    let report = FeasibilityChecker.check(
      found.routes, instance: Self.tightPacking(), rounding: .none)
    #expect(report.isFeasible)
  }

  @Test func ejectionPoolIsDeterministicForASeed() throws {
    let first = try #require(try eliminate(seed: 5))
    let second = try #require(try eliminate(seed: 5))
    #expect(first.routes == second.routes)
  }

  @Test func hierarchicalSolveReachesTheMinimumFleet() throws {
    let result = try Solver.solve(
      ProblemData(instance: Self.tightPacking()),
      options: SolverOptions(
        objective: .vehiclesThenDistance, stopping: StoppingCriteria(iterationLimit: 100)))
    #expect(result.solution.vehicleCount == 4)
  }
}
