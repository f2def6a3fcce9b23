import FreightdeskCore
import Routing

/// Random dispatch problems with every feature turned on, for property tests: places on a
/// grid (seconds = Euclidean units, metres = 10 × that), two capacity dimensions, skills,
/// several windows per stop, breaks, a mixed fleet, reloads, rush hours and shipments.
enum DispatchFixtures {
  static func problem(
    seed: UInt64, jobs: Int, shipments: Int, vehicles: Int, congested: Bool = true
  ) -> DispatchProblem {
    var random = SeededGenerator(seed: seed)
    let places = 1 + jobs + 2 * shipments
    let points = (0..<places).map { index in
      index == 0
        ? (500.0, 500.0)
        : (
          Double.random(in: 0...1_000, using: &random), Double.random(in: 0...1_000, using: &random)
        )
    }
    var durations = [Int](repeating: 0, count: places * places)
    var distances = durations
    for a in 0..<places {
      for b in 0..<places {
        let dx = points[a].0 - points[b].0
        let dy = points[a].1 - points[b].1
        durations[a * places + b] = Int((dx * dx + dy * dy).squareRoot().rounded())
        distances[a * places + b] = 10 * durations[a * places + b]
      }
    }
    let rush = (0..<24).map { $0 == 8 || $0 == 17 ? 1.5 : 1.0 }
    let travel = TravelModel(
      locationCount: places,
      profiles: [
        "car": ProfileTravel(
          durations: durations, distances: distances,
          congestion: congested ? CongestionProfile(hourlyFactors: rush) : nil)
      ])
    let day = 8 * 3_600
    func windows() -> [TimeWindow] {
      let count = Int.random(in: 0...2, using: &random)
      return (0..<count).map { index in
        let start = day + index * 14_400 + Int.random(in: 0...7_200, using: &random)
        return TimeWindow(start: start, end: start + Int.random(in: 1_800...7_200, using: &random))
      }
    }
    let jobList = (0..<jobs).map { index in
      DispatchJob(
        stop: DispatchStop(
          id: index + 1, location: index + 1, setupSeconds: 30, serviceSeconds: 300,
          timeWindows: windows()),
        delivery: [Int.random(in: 0...30, using: &random), Int.random(in: 0...3, using: &random)],
        pickup: [Int.random(in: 0...5, using: &random), 0],
        skills: Int.random(in: 0..<5, using: &random) == 0 ? [1] : [],
        priority: Int.random(in: 0...2, using: &random) * 50)
    }
    let shipmentList = (0..<shipments).map { index in
      DispatchShipment(
        pickup: DispatchStop(
          id: index + 1, location: jobs + 2 * index + 1, serviceSeconds: 120, timeWindows: windows()
        ),
        delivery: DispatchStop(
          id: index + 1, location: jobs + 2 * index + 2, serviceSeconds: 120),
        amount: [Int.random(in: 1...20, using: &random), 1])
    }
    let fleet = (0..<vehicles).map { index in
      DispatchVehicle(
        id: index + 1, start: 0, end: index % 3 == 2 ? nil : 0,
        capacity: [100 + 50 * (index % 2), 8], skills: index % 2 == 0 ? [1] : [],
        shift: TimeWindow(start: day, end: day + 10 * 3_600),
        breaks: index % 2 == 0
          ? [
            VehicleBreak(
              id: 1, timeWindows: [TimeWindow(start: day + 14_400, end: day + 18_000)],
              serviceSeconds: 1_800)
          ]
          : [],
        costs: VehicleCosts(fixed: Double(1_000 * (1 + index % 2)), perHour: 3_600, perKm: 2),
        maxTasks: index % 4 == 3 ? 8 : nil, maxDurationSeconds: 9 * 3_600,
        maxTrips: index % 2 == 1 ? 2 : 1, reloadSeconds: 600)
    }
    return DispatchProblem(jobs: jobList, shipments: shipmentList, vehicles: fleet, travel: travel)
  }
}
