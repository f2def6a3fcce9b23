import FreightdeskCore
import Routing

/// Seeded random instances for tests: customers on a 100 × 100 grid, optional time windows.
enum TestInstances {
  /// A random instance with `customers` customers; windows are wide enough to stay feasible.
  static func random(
    customers: Int, seed: UInt64, timeWindows: Bool, capacity: Int = 30, fleetSize: Int? = nil
  ) -> Instance {
    var generator = SeededGenerator(seed: seed)
    let depot = Site(x: 50, y: 50, readyTime: 0, dueTime: timeWindows ? 400 : .infinity)
    var sites: [Site] = []
    for _ in 0..<customers {
      let x = Double(Int.random(in: 0...100, using: &generator))
      let y = Double(Int.random(in: 0...100, using: &generator))
      var site = Site(x: x, y: y, demand: Int.random(in: 1...10, using: &generator))
      if timeWindows {
        let direct = ((x - 50) * (x - 50) + (y - 50) * (y - 50)).squareRoot()
        let ready = Double(Int.random(in: Int(direct)...200, using: &generator))
        site.readyTime = ready
        site.dueTime = ready + Double(Int.random(in: 20...80, using: &generator))
        site.serviceTime = 5
      }
      sites.append(site)
    }
    return Instance(
      name: "random-\(seed)", depot: depot, customers: sites, vehicleCapacity: capacity,
      fleetSize: fleetSize, defaultRounding: .none)
  }

  /// The least cost of any feasible solution, by trying every order of the customers cut
  /// into routes in every way; only for a handful of customers.
  static func bruteForceOptimum(_ instance: Instance) -> Double? {
    let count = instance.customers.count
    var best: Double?
    var order = Array(1...count)
    func visitPermutations(_ fixed: Int) {
      guard fixed < count else {
        for cuts in 0..<(1 << (count - 1)) {
          var routes: [[Int]] = [[order[0]]]
          for index in 1..<count {
            if cuts & (1 << (index - 1)) != 0 { routes.append([]) }
            routes[routes.count - 1].append(order[index])
          }
          let report = FeasibilityChecker.check(routes, instance: instance, rounding: .none)
          if report.isFeasible, best.map({ report.cost < $0 }) ?? true { best = report.cost }
        }
        return
      }
      for index in fixed..<count {
        order.swapAt(fixed, index)
        visitPermutations(fixed + 1)
        order.swapAt(fixed, index)
      }
    }
    visitPermutations(0)
    return best
  }
}
