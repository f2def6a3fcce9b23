/// Why an instance cannot be solved at all; each case names the customer and the rule it
/// breaks, so that a dispatcher can fix the data.
public enum ProblemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// More customers than ``Limits/customersMax``.
  case tooManyCustomers(count: Int, max: Int)
  /// The vehicle capacity is not positive.
  case capacityNotPositive(capacity: Int)
  /// The fleet has no vehicle.
  case fleetEmpty
  /// A customer's demand is negative.
  case demandNegative(customer: Int, demand: Int)
  /// A customer's demand is more than one vehicle carries.
  case demandExceedsCapacity(customer: Int, demand: Int, capacity: Int)
  /// A service time or a distance is negative or not a number.
  case valueInvalid(customer: Int, field: String)
  /// A time window closes before it opens.
  case timeWindowEmpty(customer: Int)
  /// Leaving the depot as early as possible still arrives after the customer's due time.
  case customerUnreachable(customer: Int)
  /// After serving the customer, a vehicle cannot be back before the depot closes.
  case returnTooLate(customer: Int)
  /// The whole fleet carries less than the customers demand together.
  case fleetTooSmall(totalDemand: Int, fleetCapacity: Int)
  /// The explicit matrix does not have one row and column per node.
  case matrixShape(expected: Int)

  /// The stable rule name, for logs and API errors.
  public var code: String {
    switch self {
    case .tooManyCustomers: "too_many_customers"
    case .capacityNotPositive: "capacity_not_positive"
    case .fleetEmpty: "fleet_empty"
    case .demandNegative: "demand_negative"
    case .demandExceedsCapacity: "demand_exceeds_capacity"
    case .valueInvalid: "value_invalid"
    case .timeWindowEmpty: "time_window_empty"
    case .customerUnreachable: "customer_unreachable"
    case .returnTooLate: "return_too_late"
    case .fleetTooSmall: "fleet_too_small"
    case .matrixShape: "matrix_shape"
    }
  }

  /// A one-line explanation naming the customer and the rule.
  public var description: String {
    switch self {
    case .tooManyCustomers(let count, let max):
      "instance has \(count) customers, more than the limit of \(max) (\(code))"
    case .capacityNotPositive(let capacity):
      "vehicle capacity \(capacity) is not positive (\(code))"
    case .fleetEmpty: "the fleet has no vehicle (\(code))"
    case .demandNegative(let customer, let demand):
      "customer \(customer): demand \(demand) is negative (\(code))"
    case .demandExceedsCapacity(let customer, let demand, let capacity):
      "customer \(customer): demand \(demand) exceeds vehicle capacity \(capacity) (\(code))"
    case .valueInvalid(let customer, let field):
      "customer \(customer): \(field) is negative or not a number (\(code))"
    case .timeWindowEmpty(let customer):
      "customer \(customer): time window closes before it opens (\(code))"
    case .customerUnreachable(let customer):
      "customer \(customer): cannot be reached from the depot before its due time (\(code))"
    case .returnTooLate(let customer):
      "customer \(customer): no vehicle can serve it and return before the depot closes (\(code))"
    case .fleetTooSmall(let totalDemand, let fleetCapacity):
      "total demand \(totalDemand) exceeds the fleet's capacity \(fleetCapacity) (\(code))"
    case .matrixShape(let expected):
      "explicit distance matrix must be \(expected) × \(expected) (\(code))"
    }
  }
}
