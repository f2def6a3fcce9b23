/// What part of a ``DispatchProblem`` an error is about, so a reader can point at the field.
public enum ProblemSubject: Sendable, Equatable, CustomStringConvertible {
  /// `jobs[index]`.
  case job(index: Int, id: Int)
  /// `shipments[index]`.
  case shipment(index: Int, pickupID: Int)
  /// `vehicles[index]`.
  case vehicle(index: Int, id: Int)
  /// The problem as a whole.
  case problem

  /// "job 17", "shipment with pickup 4", "vehicle 2", "the problem".
  public var description: String {
    switch self {
    case .job(_, let id): "job \(id)"
    case .shipment(_, let id): "shipment with pickup \(id)"
    case .vehicle(_, let id): "vehicle \(id)"
    case .problem: "the problem"
    }
  }
}

/// A dispatch problem that cannot be solved as stated, naming the job, shipment or vehicle
/// and the rule it breaks; never a crash or a silently dropped job.
public enum DispatchProblemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A number that must be zero or more is negative (amounts, capacities, durations).
  case valueNegative(ProblemSubject, field: String)
  /// A time window ends before it starts.
  case timeWindowInverted(ProblemSubject, field: String)
  /// An amount or capacity has a different number of dimensions than the others.
  case dimensionsMismatch(ProblemSubject, field: String, expected: Int, got: Int)
  /// A place index outside the matrices.
  case locationUnknown(ProblemSubject, field: String, index: Int)
  /// A vehicle names a profile with no travel data.
  case profileUnknown(ProblemSubject, profile: String)
  /// A matrix is not square over every place.
  case matrixShape(profile: String, expected: Int)
  /// An id appears twice in one namespace.
  case idRepeated(ProblemSubject)
  /// No vehicle has every skill the job needs.
  case skillsUnavailable(ProblemSubject, skills: [Int])
  /// The amount exceeds the capacity of every vehicle with the skills.
  case exceedsEveryCapacity(ProblemSubject)
  /// No suitable vehicle can serve it alone within its windows, the shifts and route limits.
  case unreachable(ProblemSubject)
  /// A re-planning fixed stop names an unknown stop, or one fixed twice.
  case fixedStopInvalid(ProblemSubject, stop: String)
  /// A vehicle's fixed head of stops breaks a rule by itself.
  case fixedRouteInfeasible(ProblemSubject, rule: RouteRule)
  /// There is no vehicle.
  case fleetEmpty
  /// More stops or places than ``Limits`` allow.
  case tooLarge(field: String, count: Int, max: Int)
  /// A speed factor or congestion factor out of range.
  case factorInvalid(ProblemSubject, field: String)

  /// The subject, for field pointers.
  public var subject: ProblemSubject {
    switch self {
    case .valueNegative(let subject, _), .timeWindowInverted(let subject, _),
      .dimensionsMismatch(let subject, _, _, _), .locationUnknown(let subject, _, _),
      .profileUnknown(let subject, _), .idRepeated(let subject),
      .skillsUnavailable(let subject, _), .exceedsEveryCapacity(let subject),
      .unreachable(let subject), .fixedStopInvalid(let subject, _),
      .fixedRouteInfeasible(let subject, _),
      .factorInvalid(let subject, _):
      subject
    case .matrixShape, .fleetEmpty, .tooLarge: .problem
    }
  }

  /// The field within the subject, if one is to blame.
  public var field: String? {
    switch self {
    case .valueNegative(_, let field), .timeWindowInverted(_, let field),
      .dimensionsMismatch(_, let field, _, _), .locationUnknown(_, let field, _),
      .factorInvalid(_, let field), .tooLarge(let field, _, _):
      field
    case .profileUnknown: "profile"
    case .skillsUnavailable: "skills"
    case .fixedStopInvalid, .fixedRouteInfeasible: "steps"
    default: nil
    }
  }

  /// The stable rule name.
  public var code: String {
    switch self {
    case .valueNegative: "value_negative"
    case .timeWindowInverted: "time_window_inverted"
    case .dimensionsMismatch: "dimensions_mismatch"
    case .locationUnknown: "location_unknown"
    case .profileUnknown: "profile_unknown"
    case .matrixShape: "matrix_shape"
    case .idRepeated: "id_repeated"
    case .skillsUnavailable: "skills_unavailable"
    case .exceedsEveryCapacity: "exceeds_every_capacity"
    case .unreachable: "unreachable"
    case .fixedStopInvalid: "fixed_stop_invalid"
    case .fixedRouteInfeasible: "fixed_route_infeasible"
    case .fleetEmpty: "fleet_empty"
    case .tooLarge: "too_large"
    case .factorInvalid: "factor_invalid"
    }
  }

  /// One line naming the subject and the rule.
  public var description: String {
    let text: String
    switch self {
    case .valueNegative(let subject, let field): text = "\(subject): \(field) is negative"
    case .timeWindowInverted(let subject, let field):
      text = "\(subject): time window \(field) ends before it starts"
    case .dimensionsMismatch(let subject, let field, let expected, let got):
      text = "\(subject): \(field) has \(got) dimensions, expected \(expected)"
    case .locationUnknown(let subject, let field, let index):
      text = "\(subject): \(field) \(index) is not a place of the matrices"
    case .profileUnknown(let subject, let profile):
      text = "\(subject): no matrices for profile \"\(profile)\""
    case .matrixShape(let profile, let expected):
      text = "matrices of profile \"\(profile)\" must be \(expected) × \(expected)"
    case .idRepeated(let subject): text = "\(subject): id used twice"
    case .skillsUnavailable(let subject, let skills):
      text = "\(subject): no vehicle has all skills \(skills)"
    case .exceedsEveryCapacity(let subject):
      text = "\(subject): amount exceeds the capacity of every vehicle with its skills"
    case .unreachable(let subject):
      text =
        "\(subject): no suitable vehicle can serve it within its time windows, shift and route limits"
    case .fixedStopInvalid(let subject, let stop):
      text = "\(subject): fixed step \(stop) is unknown or fixed twice"
    case .fixedRouteInfeasible(let subject, let rule):
      text = "\(subject): its fixed steps alone break the rule \(rule.rawValue)"
    case .fleetEmpty: text = "the problem has no vehicle"
    case .tooLarge(let field, let count, let max):
      text = "\(count) \(field), more than the limit of \(max)"
    case .factorInvalid(let subject, let field):
      text = "\(subject): \(field) must be a positive finite number"
    }
    return "\(text) (\(code))"
  }
}
