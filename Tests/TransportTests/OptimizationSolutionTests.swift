import Routing
import Testing

@testable import Transport

/// Reading a stored VROOM solution back for the run's page, the page's time and distance
/// formats, and the demo's generated day.
@Suite struct OptimizationSolutionTests {
  @Test func aStoredSolutionReadsBackWithRoutesStepsAndReasons() throws {
    let solution = try #require(
      OptimizationSolution(
        """
        {"code": 0, "summary": {"cost": 120, "routes": 1, "unassigned": 1, "distance": 15400,
          "duration": 3700},
         "unassigned": [{"id": 7, "type": "job", "reason": "capacity_exceeded"}],
         "routes": [{"vehicle": 3, "cost": 120, "distance": 15400, "duration": 3700, "steps": [
           {"type": "start", "arrival": 28800, "load": [5, 1]},
           {"type": "job", "id": 4, "arrival": 30000.4, "load": [0, 1]},
           {"type": "end", "arrival": 32500, "load": [0, 1]}]}]}
        """))
    #expect(solution.cost == 120 && solution.distanceMetres == 15_400)
    #expect(solution.unassigned == [.init(id: 7, type: "job", reason: "capacity_exceeded")])
    #expect(solution.routes.map(\.vehicle) == [3])
    #expect(
      solution.routes[0].steps == [
        .init(type: "start", id: nil, arrivalSeconds: 28_800, load: [5, 1]),
        .init(type: "job", id: 4, arrivalSeconds: 30_000, load: [0, 1]),
        .init(type: "end", id: nil, arrivalSeconds: 32_500, load: [0, 1]),
      ])
    #expect(OptimizationSolution("not json") == nil)
    #expect(OptimizationSolution(#"{"routes": []}"#) == nil)
  }

  @Test func timesReadAsHoursAndMinutesAndDistancesAsKilometres() {
    #expect(OptimizationRunPage.clock(28_800) == "8:00")
    #expect(OptimizationRunPage.clock(3_540) == "0:59")
    #expect(OptimizationRunPage.clock(90_000) == "25:00")
    #expect(OptimizationRunPage.kilometres(15_460) == "15.4 km")
    #expect(OptimizationRunPage.kilometres(999) == "0.9 km")
  }

  @Test func theDemoDayIsAReadableProblemOfFortyStopsAndFiveVans() throws {
    let text = OptimizationDemo.problemText()
    #expect(text == OptimizationDemo.problemText())
    let problem = try VROOMProblemReader.read(Array(text.utf8))
    #expect(problem.jobs.count == 40 && problem.vehicles.count == 5)
    #expect(problem.jobs.filter { !$0.stop.timeWindows.isEmpty }.count == 10)
  }
}
