import Foundation

/// How much slower than free flow traffic is in each hour of the day: travel that starts or
/// continues in hour `h` progresses at `1 / hourlyFactors[h]` of its free-flow speed, so a
/// trip spanning rush hour is slowed only for the part driven in it, and leaving later never
/// means arriving earlier.
public struct CongestionProfile: Sendable, Equatable {
  /// 24 factors of at least 1 (1 = free flow, 1.5 = half again as long).
  public var hourlyFactors: [Double]
  /// Seconds added to the problem's clock to get the local time of day (time zone).
  public var utcOffsetSeconds: Int

  /// Creates a profile.
  public init(hourlyFactors: [Double], utcOffsetSeconds: Int = 0) {
    self.hourlyFactors = hourlyFactors
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// Seconds to cover `freeFlowSeconds` of free-flow driving when leaving at `departure`.
  public func travelSeconds(freeFlowSeconds: Int, departure: Int) -> Int {
    guard freeFlowSeconds > 0 else { return 0 }
    var remaining = Double(freeFlowSeconds)
    var clock = departure
    var elapsed = 0.0
    while true {
      let local = (clock + utcOffsetSeconds) % 86_400
      let dayTime = local < 0 ? local + 86_400 : local
      let factor = hourlyFactors[dayTime / 3_600]
      let leftInHour = 3_600 - dayTime % 3_600
      let coverable = Double(leftInHour) / factor
      if remaining <= coverable {
        elapsed += remaining * factor
        return Int(elapsed.rounded(.up))
      }
      remaining -= coverable
      elapsed += Double(leftInHour)
      clock += leftInHour
    }
  }
}

/// Travel on one road class (VROOM's profile): free-flow seconds and metres between every
/// pair of places, optional explicit costs, and an optional congestion profile.
public struct ProfileTravel: Sendable, Equatable {
  /// Row-major seconds between places.
  public var durations: [Int]
  /// Row-major metres between places.
  public var distances: [Int]
  /// Row-major costs replacing the per-hour and per-km prices, if given.
  public var costs: [Int]?
  /// Rush-hour slowdown, if any.
  public var congestion: CongestionProfile?

  /// Creates a profile's travel data.
  public init(
    durations: [Int], distances: [Int], costs: [Int]? = nil,
    congestion: CongestionProfile? = nil
  ) {
    self.durations = durations
    self.distances = distances
    self.costs = costs
    self.congestion = congestion
  }
}

/// How long, far and costly it is between places: one ``ProfileTravel`` per road class
/// over `locationCount` places; coordinates are kept when known, for the answer.
public struct TravelModel: Sendable, Equatable {
  /// Number of places; matrices are `locationCount²`.
  public var locationCount: Int
  /// Travel per profile name.
  public var profiles: [String: ProfileTravel]
  /// Longitude and latitude of each place, when the problem gave coordinates.
  public var coordinates: [[Double]]?

  /// Creates a travel model.
  public init(locationCount: Int, profiles: [String: ProfileTravel], coordinates: [[Double]]? = nil)
  {
    self.locationCount = locationCount
    self.profiles = profiles
    self.coordinates = coordinates
  }

  /// Mean Earth radius in metres, for great-circle distances.
  public static let earthRadiusMeters = 6_371_008.8

  /// A model without a road network: great-circle (haversine) distance between `[lon, lat]`
  /// coordinates times `detourFactor` (roads are not straight), driven at `speedKmh`; the
  /// same for every profile in `profiles`.
  public static func haversine(
    coordinates: [[Double]], profiles: [String], speedKmh: Double, detourFactor: Double
  ) -> TravelModel {
    let count = coordinates.count
    var distances = [Int](repeating: 0, count: count * count)
    var durations = distances
    let metersPerSecond = speedKmh / 3.6
    for from in 0..<count {
      for to in 0..<count where to != from {
        let meters = greatCircleMeters(coordinates[from], coordinates[to]) * detourFactor
        distances[from * count + to] = Int(meters.rounded())
        durations[from * count + to] = Int((meters / metersPerSecond).rounded())
      }
    }
    let travel = ProfileTravel(durations: durations, distances: distances)
    return TravelModel(
      locationCount: count,
      profiles: Dictionary(uniqueKeysWithValues: profiles.map { ($0, travel) }),
      coordinates: coordinates)
  }

  /// Great-circle metres between two `[lon, lat]` points in degrees.
  static func greatCircleMeters(_ a: [Double], _ b: [Double]) -> Double {
    let radians = Double.pi / 180
    let latitudeA = a[1] * radians
    let latitudeB = b[1] * radians
    let halfLatitude = (latitudeB - latitudeA) / 2
    let halfLongitude = (b[0] - a[0]) * radians / 2
    let h =
      sin(halfLatitude) * sin(halfLatitude) + cos(latitudeA) * cos(latitudeB)
      * sin(halfLongitude) * sin(halfLongitude)
    return 2 * earthRadiusMeters * asin(min(1, h.squareRoot()))
  }
}
