import FreightdeskCore

/// A feasible solution found by the search, in the search's integer units.
struct FoundSolution: Sendable {
  /// Client lists of the used routes.
  var routes: [[Int]]
  /// Total scaled distance.
  var distance: Int
  /// Number of routes used.
  var vehicles: Int { routes.count }
}

/// How long one call of ``IteratedLocalSearch/search(from:routeCount:phase:)`` runs.
struct SearchPhase {
  /// Progress (share of the whole budget) at which the phase normally ends.
  var end: Double
  /// End as soon as a feasible solution appears (route elimination).
  var stopsAtFirstFeasible = false
  /// Keep going past `end`, up to the whole budget, while nothing feasible was found.
  var extendsUntilFeasible = false

  /// Whether the search goes on at `progress`, given whether a feasible solution was `found`.
  func continues(progress: Double, found: Bool) -> Bool {
    guard progress < 1 else { return false }
    if found { return !stopsAtFirstFeasible && progress < end }
    return progress < end || extendsUntilFeasible
  }
}

/// Iterated local search with penalised infeasibility (after PyVRP's ILS and HGS's local
/// search): kick the current solution, descend with the local search, keep the best feasible
/// result, and accept the new solution when its penalised cost is within a threshold of the
/// best seen; the threshold shrinks to zero over the phase, as in record-to-record travel.
struct IteratedLocalSearch {
  /// Acceptance threshold at the start of a phase, as a share of the reference cost.
  static let thresholdStart = 0.01
  /// Penalty factor of the repair descent tried on half of the infeasible results.
  static let repairBoost = 10.0
  /// Penalty factor at the start of a phase that only seeks feasibility (route elimination),
  /// where distance matters little.
  static let eliminationBoost = 100.0
  /// Penalty factors tried in turn while no feasible solution has been found yet.
  static let urgentRepairBoosts = [10.0, 100.0, 1_000.0]

  let data: ProblemData
  let objective: Objective
  let criteria: StoppingCriteria
  let clock = MonotonicClock()
  let startNanoseconds: UInt64
  var localSearch: LocalSearch
  var penalties: PenaltyManager
  let perturbation: Perturbation
  var generator: SeededGenerator
  /// Kicks done so far, over all phases.
  private(set) var iteration = 0
  /// Called with every new best feasible solution of a phase.
  var onImprovement: (FoundSolution) -> Void = { _ in }

  init(data: ProblemData, objective: Objective, criteria: StoppingCriteria, seed: UInt64) {
    self.data = data
    self.objective = objective
    self.criteria = criteria
    startNanoseconds = clock.nanoseconds()
    let neighbours = Neighbourhood.compute(data, size: 40)
    localSearch = LocalSearch(data: data, neighbours: neighbours)
    penalties = PenaltyManager(data: data)
    perturbation = Perturbation(neighbours: neighbours, clientCount: data.customerCount)
    generator = SeededGenerator(seed: seed)
  }

  /// Seconds since the search was created.
  var elapsedSeconds: Double {
    Double(clock.nanoseconds() - startNanoseconds) / 1e9
  }

  /// How far along the whole budget the search is (0…1).
  var progress: Double { criteria.progress(iteration: iteration, elapsedSeconds: elapsedSeconds) }

  /// Searches with `routeCount` route slots from `start` (clients it leaves out are inserted
  /// first; `nil` starts from scratch) for one `phase`. Returns the best feasible solution
  /// seen, if any.
  mutating func search(from start: [[Int]]?, routeCount: Int, phase: SearchPhase)
    -> FoundSolution?
  {
    var routes = SearchRoutes(data: data, routeCount: routeCount)
    localSearch.reset()
    penalties.restart(boostedBy: phase.stopsAtFirstFeasible ? Self.eliminationBoost : 1)
    if let start {
      routes.load(start + Array(repeating: [], count: max(0, routeCount - start.count)))
    }
    let clients = Array(1..<(data.customerCount + 1)).shuffled(using: &generator)
    perturbation.insertion.insertAll(clients, into: &routes, costs: penalties.costs)
    localSearch.run(&routes, costs: penalties.costs, using: &generator)
    repair(&routes, boosts: Self.urgentRepairBoosts)
    var best: FoundSolution?
    keepIfBetter(routes, &best)
    var current = routes.snapshot()
    var currentCost = routes.penalisedCost(penalties.costs)
    var reference = currentCost
    var stamp = routes.clock
    let phaseStart = progress
    let phaseEnd = phase.end
    while phase.continues(progress: progress, found: best != nil) {
      iteration += 1
      let penaltiesChanged = descend(&routes, urgent: best == nil && !phase.stopsAtFirstFeasible)
      keepIfBetter(routes, &best)
      let cost = routes.penalisedCost(penalties.costs)
      let fraction = (progress - phaseStart) / max(phaseEnd - phaseStart, 1e-9)
      let threshold = Double(reference) * (1 + Self.thresholdStart * max(0, 1 - fraction))
      if cost < currentCost || Double(cost) <= threshold {
        routes.update(&current, changedAfter: stamp)
        currentCost = cost
        reference = min(reference, cost)
      } else {
        routes.restore(current, changedAfter: stamp)
      }
      if penaltiesChanged {
        routes.markAllChanged()
        currentCost = routes.penalisedCost(penalties.costs)
        reference = min(currentCost, best?.distance ?? currentCost)
      }
      stamp = routes.clock
    }
    return best
  }

  /// Kicks and descends once; returns whether the penalties changed. An infeasible result
  /// gets a repair descent under boosted penalties half of the time, or, while a phase that
  /// must end feasible has found nothing feasible yet (`urgent`), always and with escalating
  /// boosts. Route elimination is not urgent: it may fail and gives up at its deadline.
  private mutating func descend(_ routes: inout SearchRoutes, urgent: Bool) -> Bool {
    perturbation.apply(to: &routes, costs: penalties.costs, using: &generator)
    localSearch.run(&routes, costs: penalties.costs, using: &generator)
    let changed = penalties.record(
      loadFeasible: routes.isLoadFeasible, timeFeasible: routes.isTimeFeasible)
    if urgent {
      repair(&routes, boosts: Self.urgentRepairBoosts)
    } else if Bool.random(using: &generator) {
      repair(&routes, boosts: [Self.repairBoost])
    }
    return changed
  }

  /// Descends again under each boosted penalty in turn while `routes` stay infeasible.
  private mutating func repair(_ routes: inout SearchRoutes, boosts: [Double]) {
    for boost in boosts where !(routes.isLoadFeasible && routes.isTimeFeasible) {
      localSearch.run(&routes, costs: penalties.costs.boosted(by: boost), using: &generator)
      routes.markAllChanged()
    }
  }

  private func keepIfBetter(_ routes: SearchRoutes, _ best: inout FoundSolution?) {
    guard routes.isLoadFeasible, routes.isTimeFeasible else { return }
    let distance = routes.distance
    let vehicles = routes.usedRouteCount
    if let best,
      !objective.prefers(
        vehicles: vehicles, cost: distance, over: best.vehicles, otherCost: best.distance)
    {
      return
    }
    let found = FoundSolution(
      routes: routes.snapshot().filter { !$0.isEmpty }, distance: distance)
    best = found
    onImprovement(found)
  }
}
