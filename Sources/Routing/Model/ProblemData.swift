/// The validated, immutable problem the search works on: node 0 is the depot, node `k` is
/// customer `k`, and every distance, time and window is an integer in units of
/// `1 / scale` of the instance's own unit.
///
/// A final class rather than a struct so the search shares one copy by reference.
///
/// Travel times are rounded up and due times down when scaling, so a plan that is on time in
/// scaled integers is on time in the original numbers too; distances are rounded to nearest.
public final class ProblemData: Sendable {
  /// The instance as read, kept for the feasibility checker and for writing solutions.
  public let instance: Instance
  /// The distance convention in force.
  public let rounding: Rounding
  /// Integer units per instance unit of distance and time.
  public let scale: Int
  /// Number of customers n; nodes are 0…n.
  public let customerCount: Int
  /// Capacity of every vehicle.
  public let capacity: Int
  /// Vehicles available (the instance's fleet, or one per customer when unlimited).
  public let fleetSize: Int
  /// Row-major (n + 1)² scaled distances.
  let distances: ContiguousArray<Int>
  /// Row-major (n + 1)² scaled travel times.
  let durations: ContiguousArray<Int>
  /// Per node: demand, scaled ready time, due time and service time.
  let demands: ContiguousArray<Int>
  let readyTimes: ContiguousArray<Int>
  let dueTimes: ContiguousArray<Int>
  let serviceTimes: ContiguousArray<Int>
  /// The largest scaled due time used for an open-ended window.
  static let horizon = 1 << 40

  /// Validates `instance` and scales it; `rounding` overrides the file's convention.
  public init(instance: Instance, rounding: Rounding? = nil) throws(ProblemError) {
    let count = instance.customers.count
    guard count <= Limits.customersMax else {
      throw .tooManyCustomers(count: count, max: Limits.customersMax)
    }
    guard instance.vehicleCapacity > 0 else {
      throw .capacityNotPositive(capacity: instance.vehicleCapacity)
    }
    if let fleet = instance.fleetSize, fleet <= 0 { throw .fleetEmpty }
    let chosen = rounding ?? instance.defaultRounding
    let scale = Self.scale(for: instance, rounding: chosen)
    let (distances, durations) = try Self.matrices(instance, rounding: chosen, scale: scale)
    self.instance = instance
    self.rounding = chosen
    self.scale = scale
    self.customerCount = count
    self.capacity = instance.vehicleCapacity
    self.fleetSize = max(1, min(instance.fleetSize ?? count, count))
    self.distances = distances
    self.durations = durations
    let sites = [instance.depot] + instance.customers
    demands = ContiguousArray(sites.map(\.demand))
    readyTimes = ContiguousArray(sites.map { Self.scaled($0.readyTime, scale, .up) })
    dueTimes = ContiguousArray(sites.map { Self.scaled($0.dueTime, scale, .down) })
    serviceTimes = ContiguousArray(sites.map { Self.scaled($0.serviceTime, scale, .up) })
    try validateSites()
  }

  /// Scaled distance from node `from` to node `to`.
  @inline(__always) func distance(_ from: Int, _ to: Int) -> Int {
    distances[from &* (customerCount &+ 1) &+ to]
  }

  /// Scaled travel time from node `from` to node `to`.
  @inline(__always) func duration(_ from: Int, _ to: Int) -> Int {
    durations[from &* (customerCount &+ 1) &+ to]
  }

  private static func scale(for instance: Instance, rounding: Rounding) -> Int {
    guard let matrix = instance.explicitDistances else { return rounding.scale }
    let integral = matrix.allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }
    return integral ? 1 : Rounding.none.scale
  }

  private static func scaled(_ value: Double, _ scale: Int, _ rule: FloatingPointRoundingRule)
    -> Int
  {
    guard value.isFinite else { return value > 0 ? horizon : -horizon }
    return min(horizon, Int((value * Double(scale)).rounded(rule)))
  }

  private static func matrices(_ instance: Instance, rounding: Rounding, scale: Int)
    throws(ProblemError) -> (ContiguousArray<Int>, ContiguousArray<Int>)
  {
    let sites = [instance.depot] + instance.customers
    let size = sites.count
    if let matrix = instance.explicitDistances,
      matrix.count != size || matrix.contains(where: { $0.count != size })
    {
      throw .matrixShape(expected: size)
    }
    var distances = ContiguousArray(repeating: 0, count: size * size)
    var durations = distances
    for from in 0..<size {
      for to in 0..<size where from != to {
        let value: Double
        if let matrix = instance.explicitDistances {
          value = matrix[from][to]
        } else {
          let dx = sites[from].x - sites[to].x
          let dy = sites[from].y - sites[to].y
          value = rounding.apply((dx * dx + dy * dy).squareRoot())
        }
        guard value >= 0, value.isFinite else {
          throw .valueInvalid(customer: max(from, to), field: "distance")
        }
        distances[from * size + to] = scaled(value, scale, .toNearestOrAwayFromZero)
        durations[from * size + to] = scaled(value, scale, .up)
      }
    }
    return (distances, durations)
  }

  private func validateSites() throws(ProblemError) {
    var totalDemand = 0
    for node in 1..<(customerCount + 1) {
      let site = instance.site(node)
      guard site.demand >= 0 else { throw .demandNegative(customer: node, demand: site.demand) }
      guard site.demand <= capacity else {
        throw .demandExceedsCapacity(customer: node, demand: site.demand, capacity: capacity)
      }
      guard site.serviceTime >= 0 else {
        throw .valueInvalid(customer: node, field: "service time")
      }
      guard readyTimes[node] <= dueTimes[node] else { throw .timeWindowEmpty(customer: node) }
      let arrival = readyTimes[0] + duration(0, node)
      guard arrival <= dueTimes[node] else { throw .customerUnreachable(customer: node) }
      let back = max(arrival, readyTimes[node]) + serviceTimes[node] + duration(node, 0)
      guard back <= dueTimes[0] else { throw .returnTooLate(customer: node) }
      totalDemand += site.demand
    }
    let fleetCapacity = instance.fleetSize.map { $0 * capacity } ?? Int.max
    guard totalDemand <= fleetCapacity else {
      throw .fleetTooSmall(totalDemand: totalDemand, fleetCapacity: fleetCapacity)
    }
  }
}
