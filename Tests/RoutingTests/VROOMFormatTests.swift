import Foundation
import Routing
import Testing

/// VROOM's problem format in, VROOM's solution format out, and bad input refused with the
/// field pointer, the job and the rule.
@Suite struct VROOMFormatTests {
  static let problem = """
    {
      "vehicles": [
        {"id": 1, "profile": "car", "start_index": 0, "end_index": 0, "capacity": [10, 4],
         "skills": [1], "time_window": [0, 20000],
         "costs": {"fixed": 100, "per_hour": 3600, "per_km": 2},
         "breaks": [{"id": 5, "time_windows": [[1000, 3000]], "service": 600}],
         "max_tasks": 10, "max_travel_time": 20000, "max_distance": 500000},
        {"id": 2, "start_index": 0, "capacity": [6, 4], "max_trips": 2, "reload_duration": 300}
      ],
      "jobs": [
        {"id": 11, "location_index": 1, "service": 60, "delivery": [3, 1], "skills": [1],
         "time_windows": [[0, 2000], [5000, 9000]], "priority": 10},
        {"id": 12, "location_index": 2, "setup": 30, "delivery": [2, 0], "pickup": [1, 0]}
      ],
      "shipments": [
        {"pickup": {"id": 21, "location_index": 3, "service": 30},
         "delivery": {"id": 21, "location_index": 1, "service": 30}, "amount": [2, 1]}
      ],
      "matrices": {"car": {
        "durations": [[0, 600, 900, 700], [600, 0, 500, 800], [900, 500, 0, 400], [700, 800, 400, 0]],
        "distances": [[0, 6000, 9000, 7000], [6000, 0, 5000, 8000], [9000, 5000, 0, 4000], [7000, 8000, 4000, 0]]
      }},
      "freightdesk": {"congestion": {"car": [1,1,1,1,1,1,1,1,1.5,1,1,1,1,1,1,1,1,1.5,1,1,1,1,1,1]}}
    }
    """

  static func read(_ text: String) throws(VROOMInputError) -> DispatchProblem {
    try VROOMProblemReader.read(Array(text.utf8))
  }

  static func refusal(_ text: String) -> VROOMInputError? {
    do {
      _ = try read(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func everyVROOMFieldIsReadIntoTheModel() throws {
    let problem = try Self.read(Self.problem)
    #expect(problem.vehicles[0].costs == VehicleCosts(fixed: 100, perHour: 3_600, perKm: 2))
    #expect(problem.vehicles[0].breaks.first?.timeWindows == [TimeWindow(start: 1_000, end: 3_000)])
    #expect(problem.vehicles[1].end == nil && problem.vehicles[1].maxTrips == 2)
    #expect(problem.jobs[0].stop.timeWindows.count == 2 && problem.jobs[1].pickup == [1, 0])
    #expect(problem.shipments[0].amount == [2, 1])
    #expect(problem.travel.profiles["car"]?.congestion?.hourlyFactors[8] == 1.5)
  }

  @Test func theSolutionIsVROOMJSONThatTheCheckerAccepts() throws {
    let problem = try Self.read(Self.problem)
    let result = try DispatchSolver.solve(
      problem, options: DispatchOptions(stopping: StoppingCriteria(iterationLimit: 50)))
    #expect(DispatchChecker.check(result.plan, problem: problem).isFeasible)
    let text = VROOMSolutionWriter.write(result, problem: problem)
    let answer = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(answer["code"] as? Int == 0)
    let summary = try #require(answer["summary"] as? [String: Any])
    #expect(summary["unassigned"] as? Int == 0)
    #expect(summary["cost"] as? Int == Int(result.plan.cost.rounded()))
    let steps = (answer["routes"] as? [[String: Any]])?.flatMap {
      $0["steps"] as? [[String: Any]] ?? []
    }
    let types = Set(steps?.compactMap { $0["type"] as? String } ?? [])
    #expect(types.isSuperset(of: ["start", "job", "pickup", "delivery", "break", "end"]))
    #expect(
      steps?.allSatisfy { $0["arrival"] is Int && $0["load"] is [Int] && $0["waiting_time"] is Int }
        == true)
  }

  @Test func anUnknownFieldIsRefusedWithItsPointer() {
    let error = Self.refusal(#"{"vehicles": [{"id": 1, "colour": "red"}], "jobs": []}"#)
    #expect(
      error
        == VROOMInputError(
          pointer: "/vehicles/0/colour", code: "unknown_field", message: "unknown field \"colour\"")
    )
  }

  @Test func aNegativeAmountNamesTheJobAndTheField() {
    let text = Self.problem.replacing(#""delivery": [2, 0]"#, with: #""delivery": [-2, 0]"#)
    let error = Self.refusal(text)
    #expect(error?.pointer == "/jobs/1/delivery")
    #expect(error?.code == "value_negative")
    #expect(error?.message == "job 12: delivery is negative")
  }

  @Test func anInvertedWindowNamesTheJobAndTheWindow() {
    let text = Self.problem.replacing("[5000, 9000]", with: "[9000, 5000]")
    let error = Self.refusal(text)
    #expect(error?.pointer == "/jobs/0/time_windows/1")
    #expect(error?.code == "time_window_inverted")
  }

  @Test func aJobNoVehicleCanServeIsNamed() {
    let text = Self.problem.replacing(
      #""delivery": [3, 1], "skills": [1]"#, with: #""delivery": [3, 1], "skills": [9]"#)
    let error = Self.refusal(text)
    #expect(error?.pointer == "/jobs/0/skills")
    #expect(error?.code == "skills_unavailable")
    #expect(error?.message == "job 11: no vehicle has all skills [9]")
  }

  @Test func coordinatesWithoutMatricesUseGreatCircleDistanceAtTheConfiguredSpeed() throws {
    let problem = try Self.read(
      """
      {"vehicles": [{"id": 1, "start": [121.0, 31.0]}],
       "jobs": [{"id": 1, "location": [121.0, 31.1]}],
       "freightdesk": {"speed_kmh": 36, "detour_factor": 1.0}}
      """)
    let travel = try #require(problem.travel.profiles["car"])
    #expect(abs(travel.distances[1] - 11_119) <= 1)
    #expect(abs(travel.durations[1] - 1_112) <= 1)
  }

  @Test func malformedJSONAndMissingIdsAreRefused() {
    #expect(Self.refusal("{")?.code == "json_invalid")
    #expect(Self.refusal(#"{"vehicles": [{"start": [1, 2]}]}"#)?.pointer == "/vehicles/0/id")
    #expect(
      Self.refusal(#"{"vehicles": [{"id": 1, "start_index": 0}], "jobs": []}"#)?.pointer
        == "/matrices")
  }
}
