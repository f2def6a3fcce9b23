/// The load half of ``DispatchChecker``: recomputes what is on board after every step.
extension CheckContext {
  /// Each trip starts with its jobs' deliveries on board; jobs drop their delivery and take
  /// their pickup; shipments are picked up and delivered on the same trip, pickup first.
  mutating func checkLoads(_ route: PlannedRoute) {
    let vehicle = problem.vehicles[route.vehicle]
    let steps = route.steps
    let dimensions = steps.map(\.load.count).max() ?? 0
    let capacity = padded(vehicle.capacity, dimensions)
    var load = tripStartLoad(steps, from: 0, dimensions)
    var openShipments: [Int: StopReference] = [:]
    for (position, step) in steps.enumerated() {
      switch step.kind {
      case .reload:
        for (shipment, stop) in openShipments {
          fail(
            RouteRule.shipmentOrder.rawValue, vehicle.id, stop,
            "shipment \(shipment) spans a reload")
        }
        openShipments = [:]
        load = tripStartLoad(steps, from: position, dimensions)
      case .job:
        guard let job = problem.jobs.first(where: { $0.stop.id == step.id }) else { break }
        load = zip(load, zip(padded(job.delivery, dimensions), padded(job.pickup, dimensions)))
          .map { $0 - $1.0 + $1.1 }
      case .pickup:
        guard let index = problem.shipments.firstIndex(where: { $0.pickup.id == step.id }) else {
          break
        }
        openShipments[index] = StopReference(.pickup, step.id ?? -1)
        load = zip(load, padded(problem.shipments[index].amount, dimensions)).map { $0 + $1 }
      case .delivery:
        guard let index = problem.shipments.firstIndex(where: { $0.delivery.id == step.id }) else {
          break
        }
        if openShipments.removeValue(forKey: index) == nil {
          fail(
            RouteRule.shipmentOrder.rawValue, vehicle.id, StopReference(.delivery, step.id ?? -1),
            "delivered without its pickup before it on the same trip")
        }
        load = zip(load, padded(problem.shipments[index].amount, dimensions)).map { $0 - $1 }
      case .start, .break, .end: break
      }
      if zip(load, capacity).contains(where: { $0 > $1 }) || load.contains(where: { $0 < 0 }) {
        fail(
          RouteRule.capacity.rawValue, vehicle.id, nil, "load \(load) against capacity \(capacity)")
      }
      if padded(step.load, dimensions) != load {
        fail("load", vehicle.id, nil, "step states load \(step.load), recomputed \(load)")
      }
    }
    for (_, stop) in openShipments {
      fail(RouteRule.shipmentOrder.rawValue, vehicle.id, stop, "picked up but never delivered")
    }
  }

  /// The deliveries of the jobs between step `from` and the next reload or the end.
  private func tripStartLoad(_ steps: [PlanStep], from: Int, _ dimensions: Int) -> [Int] {
    var load = Array(repeating: 0, count: dimensions)
    for step in steps[(from + 1)...] {
      if step.kind == .reload { break }
      guard step.kind == .job, let job = problem.jobs.first(where: { $0.stop.id == step.id })
      else { continue }
      load = zip(load, padded(job.delivery, dimensions)).map { $0 + $1 }
    }
    return load
  }

  private func padded(_ values: [Int], _ dimensions: Int) -> [Int] {
    values + Array(repeating: 0, count: max(0, dimensions - values.count))
  }
}
