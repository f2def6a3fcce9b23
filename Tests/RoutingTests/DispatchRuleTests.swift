import Routing
import Testing

/// Small hand-made days, one rule each: places 0 (depot), 1, 2, 3 on a line 600 s apart.
@Suite struct DispatchRuleTests {
  static let travel: TravelModel = {
    let places = 4
    var durations = [Int](repeating: 0, count: places * places)
    for a in 0..<places {
      for b in 0..<places { durations[a * places + b] = 600 * abs(a - b) }
    }
    return TravelModel(
      locationCount: places,
      profiles: ["car": ProfileTravel(durations: durations, distances: durations.map { $0 * 10 })])
  }()

  static func job(
    _ id: Int, at place: Int, amount: Int = 1, skills: Set<Int> = [], priority: Int = 0
  )
    -> DispatchJob
  {
    DispatchJob(
      stop: DispatchStop(id: id, location: place, serviceSeconds: 60), delivery: [amount],
      skills: skills, priority: priority)
  }

  static func vehicle(_ id: Int, capacity: Int = 10, skills: Set<Int> = []) -> DispatchVehicle {
    DispatchVehicle(id: id, start: 0, end: 0, capacity: [capacity], skills: skills)
  }

  static func solve(_ problem: DispatchProblem) throws -> DispatchPlan {
    let result = try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: StoppingCriteria(iterationLimit: 50)))
    #expect(DispatchChecker.check(result.plan, problem: problem).isFeasible)
    return result.plan
  }

  static func served(_ plan: DispatchPlan, by vehicle: Int) -> [Int] {
    plan.routes.first { $0.vehicle == vehicle }?.steps.filter { $0.kind == .job }.compactMap(\.id)
      ?? []
  }

  @Test func aJobNeedingASkillGoesToTheOnlyVehicleWithIt() throws {
    let problem = DispatchProblem(
      jobs: [Self.job(1, at: 1, skills: [7]), Self.job(2, at: 2)],
      vehicles: [Self.vehicle(1), Self.vehicle(2, skills: [7])], travel: Self.travel)
    let plan = try Self.solve(problem)
    #expect(Self.served(plan, by: 1).contains(1))
    #expect(!Self.served(plan, by: 0).contains(1))
    #expect(plan.unassigned.isEmpty)
  }

  @Test func whenNotEverythingFitsTheLeastImportantIsLeftOutWithItsReason() throws {
    let problem = DispatchProblem(
      jobs: [Self.job(1, at: 1, amount: 8), Self.job(2, at: 2, amount: 8, priority: 90)],
      vehicles: [Self.vehicle(1)], travel: Self.travel)
    let plan = try Self.solve(problem)
    #expect(Self.served(plan, by: 0) == [2])
    #expect(
      plan.unassigned == [
        UnassignedStop(stop: StopReference(.job, 1), location: 1, reason: .capacity)
      ])
  }

  @Test func aVehicleAllowedSeveralTripsReloadsAtItsStart() throws {
    var truck = Self.vehicle(1)
    truck.maxTrips = 3
    truck.reloadSeconds = 300
    let problem = DispatchProblem(
      jobs: [
        Self.job(1, at: 1, amount: 6), Self.job(2, at: 2, amount: 6), Self.job(3, at: 3, amount: 6),
      ],
      vehicles: [truck], travel: Self.travel)
    let plan = try Self.solve(problem)
    #expect(plan.unassigned.isEmpty)
    let reloads = plan.routes[0].steps.filter { $0.kind == .reload }
    #expect(reloads.count == 2)
    #expect(reloads.allSatisfy { $0.location == 0 && $0.service == 300 })
  }

  @Test func aBreakIsTakenWithinItsWindow() throws {
    var truck = Self.vehicle(1)
    truck.breaks = [
      VehicleBreak(id: 9, timeWindows: [TimeWindow(start: 1_000, end: 1_300)], serviceSeconds: 900)
    ]
    let problem = DispatchProblem(
      jobs: [Self.job(1, at: 1), Self.job(2, at: 2), Self.job(3, at: 3)], vehicles: [truck],
      travel: Self.travel)
    let plan = try Self.solve(problem)
    let pause = try #require(plan.routes[0].steps.first { $0.kind == .break })
    #expect(pause.id == 9 && (1_000...1_300).contains(pause.serviceStart) && pause.service == 900)
  }

  @Test func fixedStepsStayAtTheHeadOfTheRoute() throws {
    var truck = Self.vehicle(1)
    truck.fixedStops = [StopReference(.job, 3), StopReference(.job, 1)]
    let problem = DispatchProblem(
      jobs: [Self.job(1, at: 1), Self.job(2, at: 2), Self.job(3, at: 3)], vehicles: [truck],
      travel: Self.travel)
    let plan = try Self.solve(problem)
    #expect(Self.served(plan, by: 0).prefix(2) == [3, 1])
  }

  @Test func aShipmentIsPickedUpBeforeItIsDeliveredByOneVehicle() throws {
    let shipment = DispatchShipment(
      pickup: DispatchStop(id: 5, location: 3), delivery: DispatchStop(id: 5, location: 1),
      amount: [10])
    let problem = DispatchProblem(
      jobs: [], shipments: [shipment], vehicles: [Self.vehicle(1), Self.vehicle(2)],
      travel: Self.travel)
    let plan = try Self.solve(problem)
    let kinds = try #require(plan.routes.first).steps.map(\.kind)
    #expect(kinds == [.start, .pickup, .delivery, .end])
    #expect(plan.routes[0].steps[1].load == [10])
  }

  @Test func rushHourSlowsOnlyThePartDrivenInIt() {
    let profile = CongestionProfile(hourlyFactors: (0..<24).map { $0 == 8 ? 2 : 1 })
    #expect(profile.travelSeconds(freeFlowSeconds: 3_600, departure: 8 * 3_600) == 5_400)
    #expect(profile.travelSeconds(freeFlowSeconds: 3_600, departure: 8 * 3_600 + 1_800) == 4_500)
    #expect(profile.travelSeconds(freeFlowSeconds: 3_600, departure: 6 * 3_600) == 3_600)
  }

  @Test func theObjectiveIsMoneyAcrossAMixedFleet() throws {
    var cheap = Self.vehicle(1)
    cheap.costs = VehicleCosts(fixed: 100, perHour: 0)
    var dear = Self.vehicle(2)
    dear.costs = VehicleCosts(fixed: 5_000, perHour: 0)
    let problem = DispatchProblem(
      jobs: [Self.job(1, at: 1), Self.job(2, at: 2)], vehicles: [dear, cheap], travel: Self.travel)
    let plan = try Self.solve(problem)
    #expect(plan.routes.map(\.vehicle) == [1])
    #expect(plan.cost == 100)
  }
}
