/// One place of an instance: the depot or a customer, as read from the file.
public struct Site: Sendable, Equatable {
  /// X coordinate (zero when the instance gives an explicit matrix only).
  public var x: Double
  /// Y coordinate (zero when the instance gives an explicit matrix only).
  public var y: Double
  /// Quantity to deliver, in the instance's capacity unit (zero for the depot).
  public var demand: Int
  /// Earliest time service may start.
  public var readyTime: Double
  /// Latest time service may start (for the depot: latest return).
  public var dueTime: Double
  /// Time spent serving the site.
  public var serviceTime: Double

  /// Creates a site; without a window the site is open from time zero for ever.
  public init(
    x: Double, y: Double, demand: Int = 0, readyTime: Double = 0,
    dueTime: Double = .infinity, serviceTime: Double = 0
  ) {
    self.x = x
    self.y = y
    self.demand = demand
    self.readyTime = readyTime
    self.dueTime = dueTime
    self.serviceTime = serviceTime
  }
}

/// A routing problem exactly as the instance file states it, before validation and before
/// any scaling, so that the feasibility checker can judge solutions against the original.
///
/// Customers are numbered 1…n in file order with the depot left out, as CVRPLIB's `.sol`
/// files number them; `customers[k - 1]` is customer `k`.
public struct Instance: Sendable, Equatable {
  /// The instance's name (from the file, or chosen by the caller).
  public var name: String
  /// The depot every route starts and ends at.
  public var depot: Site
  /// The customers, customer `k` at index `k - 1`.
  public var customers: [Site]
  /// Capacity of each of the identical vehicles.
  public var vehicleCapacity: Int
  /// How many vehicles exist; `nil` means as many as needed.
  public var fleetSize: Int?
  /// An explicit distance (and travel time) matrix over depot (index 0) and customers; `nil`
  /// means Euclidean distances between the coordinates.
  public var explicitDistances: [[Double]]?
  /// The rounding convention the file's format implies for coordinate distances.
  public var defaultRounding: Rounding

  /// Creates an instance.
  public init(
    name: String, depot: Site, customers: [Site], vehicleCapacity: Int, fleetSize: Int? = nil,
    explicitDistances: [[Double]]? = nil, defaultRounding: Rounding = .none
  ) {
    self.name = name
    self.depot = depot
    self.customers = customers
    self.vehicleCapacity = vehicleCapacity
    self.fleetSize = fleetSize
    self.explicitDistances = explicitDistances
    self.defaultRounding = defaultRounding
  }

  /// The site with node number `node`: 0 is the depot, `k` is customer `k`.
  public func site(_ node: Int) -> Site {
    node == 0 ? depot : customers[node - 1]
  }
}
