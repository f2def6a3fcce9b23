import Routing
import Testing

@Suite struct ProblemDataTests {
  static func instance(_ customers: [Site], capacity: Int = 10, fleet: Int? = nil) -> Instance {
    Instance(
      name: "t", depot: Site(x: 0, y: 0, readyTime: 0, dueTime: 100), customers: customers,
      vehicleCapacity: capacity, fleetSize: fleet)
  }

  @Test func demandAboveCapacityNamesTheCustomer() {
    let sites = [Site(x: 1, y: 0, demand: 3), Site(x: 2, y: 0, demand: 11)]
    #expect(throws: ProblemError.demandExceedsCapacity(customer: 2, demand: 11, capacity: 10)) {
      try ProblemData(instance: Self.instance(sites))
    }
  }

  @Test func windowClosingBeforeTheVehicleCanArriveIsRejected() {
    let sites = [Site(x: 30, y: 40, demand: 1, readyTime: 0, dueTime: 49)]
    #expect(throws: ProblemError.customerUnreachable(customer: 1)) {
      try ProblemData(instance: Self.instance(sites))
    }
  }

  @Test func customerThatCannotBeServedBeforeTheDepotClosesIsRejected() {
    let sites = [Site(x: 30, y: 40, demand: 1, readyTime: 60, dueTime: 90, serviceTime: 5)]
    #expect(throws: ProblemError.returnTooLate(customer: 1)) {
      try ProblemData(instance: Self.instance(sites))
    }
  }

  @Test func fleetThatCannotCarryTheTotalDemandIsRejected() {
    let sites = (1...5).map { Site(x: Double($0), y: 0, demand: 5) }
    #expect(throws: ProblemError.fleetTooSmall(totalDemand: 25, fleetCapacity: 20)) {
      try ProblemData(instance: Self.instance(sites, fleet: 2))
    }
  }

  @Test func emptyTimeWindowIsRejected() {
    let sites = [Site(x: 1, y: 0, demand: 1, readyTime: 20, dueTime: 10)]
    #expect(throws: ProblemError.timeWindowEmpty(customer: 1)) {
      try ProblemData(instance: Self.instance(sites))
    }
  }

  @Test func errorMessagesNameTheCustomerAndTheRule() {
    let error = ProblemError.demandExceedsCapacity(customer: 17, demand: 250, capacity: 200)
    #expect(
      error.description
        == "customer 17: demand 250 exceeds vehicle capacity 200 (demand_exceeds_capacity)")
  }

  @Test func roundingConventionsFollowTheirDefinitions() {
    #expect(Rounding.nint.apply(2.5) == 3)
    #expect(Rounding.nint.apply(2.49) == 2)
    #expect(Rounding.trunc1.apply(2.57) == 2.5)
    #expect(Rounding.none.apply(2.57) == 2.57)
  }
}
