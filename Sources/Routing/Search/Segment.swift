/// What the search needs to know about a run of consecutive nodes to price it when joined to
/// other runs in O(1): load, distance, and the time-window summary of Vidal et al. (2013),
/// "A hybrid genetic algorithm with adaptive diversity management…" (duration including
/// waiting and service, accumulated time warp, and the earliest and latest start that achieve
/// them).
struct Segment {
  var first: Int
  var last: Int
  var distance: Int
  var load: Int
  var duration: Int
  var timeWarp: Int
  var earliest: Int
  var latest: Int

  /// The segment made of `node` alone.
  init(node: Int, data: ProblemData) {
    first = node
    last = node
    distance = 0
    load = data.demands[node]
    duration = data.serviceTimes[node]
    timeWarp = 0
    earliest = data.readyTimes[node]
    latest = data.dueTimes[node]
  }

  /// `self` followed by `next`, travelling from `self.last` to `next.first`.
  @inline(__always) func followed(by next: Segment, data: ProblemData) -> Segment {
    let travel = data.duration(last, next.first)
    let delta = duration &- timeWarp &+ travel
    let wait = max(next.earliest &- delta &- latest, 0)
    let warp = max(earliest &+ delta &- next.latest, 0)
    var joined = self
    joined.last = next.last
    joined.distance = distance &+ next.distance &+ data.distance(last, next.first)
    joined.load = load &+ next.load
    joined.duration = duration &+ next.duration &+ travel &+ wait
    joined.timeWarp = timeWarp &+ next.timeWarp &+ warp
    joined.earliest = max(next.earliest &- delta, earliest) &- wait
    joined.latest = min(next.latest &- delta, latest) &+ warp
    return joined
  }
}
