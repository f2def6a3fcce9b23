import Routing
import Testing

/// Problems that cannot be solved as stated fail with the job and the rule.
@Suite struct DispatchValidationTests {
  static func error(_ problem: DispatchProblem) -> DispatchProblemError? {
    do {
      try DispatchSolver.validate(problem)
      return nil
    } catch {
      return error
    }
  }

  static func problem(_ job: DispatchJob, vehicle: DispatchVehicle = DispatchRuleTests.vehicle(1))
    -> DispatchProblem
  {
    DispatchProblem(jobs: [job], vehicles: [vehicle], travel: DispatchRuleTests.travel)
  }

  @Test func aJobNoVehicleHasTheSkillsForIsNamed() {
    let error = Self.error(Self.problem(DispatchRuleTests.job(4, at: 1, skills: [2])))
    #expect(error == .skillsUnavailable(.job(index: 0, id: 4), skills: [2]))
    #expect(error?.description == "job 4: no vehicle has all skills [2] (skills_unavailable)")
  }

  @Test func aNegativeAmountAndAnInvertedWindowAreNamed() {
    #expect(
      Self.error(Self.problem(DispatchRuleTests.job(4, at: 1, amount: -1)))
        == .valueNegative(.job(index: 0, id: 4), field: "delivery"))
    var job = DispatchRuleTests.job(4, at: 1)
    job.stop.timeWindows = [TimeWindow(start: 10, end: 5)]
    #expect(
      Self.error(Self.problem(job))
        == .timeWindowInverted(.job(index: 0, id: 4), field: "time_windows[0]"))
  }

  @Test func aJobTooBigOrTooFarForEveryVehicleIsNamed() {
    #expect(
      Self.error(Self.problem(DispatchRuleTests.job(4, at: 1, amount: 11)))
        == .exceedsEveryCapacity(.job(index: 0, id: 4)))
    var job = DispatchRuleTests.job(4, at: 3)
    job.stop.timeWindows = [TimeWindow(start: 0, end: 1_000)]
    #expect(Self.error(Self.problem(job)) == .unreachable(.job(index: 0, id: 4)))
  }

  @Test func anUnknownPlaceAndAnEmptyFleetAreRefused() {
    #expect(
      Self.error(Self.problem(DispatchRuleTests.job(4, at: 9)))
        == .locationUnknown(.job(index: 0, id: 4), field: "location_index", index: 9))
    let empty = DispatchProblem(jobs: [], vehicles: [], travel: DispatchRuleTests.travel)
    #expect(Self.error(empty) == .fleetEmpty)
  }
}
