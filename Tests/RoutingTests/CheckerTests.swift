import Routing
import Testing

@Suite struct CheckerTests {
  static let instance = Instance(
    name: "t", depot: Site(x: 0, y: 0, readyTime: 0, dueTime: 100),
    customers: [
      Site(x: 3, y: 4, demand: 4, readyTime: 0, dueTime: 10, serviceTime: 1),
      Site(x: 6, y: 8, demand: 4, readyTime: 0, dueTime: 20),
      Site(x: 0, y: 10, demand: 4, readyTime: 0, dueTime: 12),
    ],
    vehicleCapacity: 8, fleetSize: 2)

  @Test func feasibleSolutionCostIsRecomputedFromTheCoordinates() {
    let report = FeasibilityChecker.check(
      [[1, 2], [3]], instance: Self.instance, rounding: .none)
    #expect(report.isFeasible)
    #expect(abs(report.cost - (5 + 5 + 10 + 20)) < 1e-9)
  }

  @Test func missingAndRepeatedCustomersAreReported() {
    let report = FeasibilityChecker.check([[1, 2], [2]], instance: Self.instance, rounding: .none)
    #expect(report.violations.contains(.customerRepeated(customer: 2)))
    #expect(report.violations.contains(.customerMissing(customer: 3)))
  }

  @Test func overloadedRouteIsReported() {
    let report = FeasibilityChecker.check([[1, 2, 3]], instance: Self.instance, rounding: .none)
    #expect(report.violations.contains(.capacityExceeded(route: 1, load: 12, capacity: 8)))
  }

  @Test func lateArrivalNamesRouteAndCustomer() {
    let report = FeasibilityChecker.check([[2, 1], [3]], instance: Self.instance, rounding: .none)
    #expect(report.violations.contains(.arrivalLate(route: 1, customer: 1, arrival: 15, due: 10)))
  }

  @Test func moreRoutesThanVehiclesIsReported() {
    let report = FeasibilityChecker.check(
      [[1], [2], [3]], instance: Self.instance, rounding: .none)
    #expect(report.violations.contains(.fleetExceeded(routes: 3, fleet: 2)))
  }

  @Test func unknownCustomerNumberIsReported() {
    let report = FeasibilityChecker.check(
      [[1, 2], [3, 9]], instance: Self.instance, rounding: .none)
    #expect(report.violations.contains(.customerUnknown(customer: 9)))
  }

  @Test func writerUsesVRPLIBRouteAndCostLines() {
    let text = SolutionWriter.vrplib(Solution(routes: [[3, 1], [2]], cost: 828.9368))
    #expect(text == "Route #1: 3 1\nRoute #2: 2\nCost 828.94\n")
    #expect(SolutionWriter.formatted(27591) == "27591")
    #expect(SolutionWriter.formatted(12.05) == "12.05")
    #expect(SolutionWriter.formatted(1637.998) == "1638.00")
  }
}
