import FreightdeskCore
import Web

/// A stored VROOM-format solution read back for the run's page: the summary, each route's
/// steps with arrival times and load, and the stops left out with their reason.
struct OptimizationSolution: Sendable, Equatable {
  /// One step of a route.
  struct Step: Sendable, Equatable {
    var type: String
    var id: Int?
    var arrivalSeconds: Int
    var load: [Int]
  }

  /// One vehicle's route.
  struct Route: Sendable, Equatable {
    var vehicle: Int
    var cost: Int
    var distanceMetres: Int
    var durationSeconds: Int
    var steps: [Step]
  }

  /// A job, pickup or delivery no vehicle serves, and the rule that kept it out.
  struct Unassigned: Sendable, Equatable {
    var id: Int
    var type: String
    var reason: String
  }

  var cost: Int
  var distanceMetres: Int
  var durationSeconds: Int
  var routes: [Route]
  var unassigned: [Unassigned]

  /// Reads the solution text the job stored; nil when it is not a VROOM solution.
  init?(_ text: String) {
    guard let root = JSONValue.parse(Array(text.utf8)), let summary = root["summary"] else {
      return nil
    }
    cost = Self.int(summary["cost"])
    distanceMetres = Self.int(summary["distance"])
    durationSeconds = Self.int(summary["duration"])
    routes = Self.items(root["routes"]).map { route in
      Route(
        vehicle: Self.int(route["vehicle"]), cost: Self.int(route["cost"]),
        distanceMetres: Self.int(route["distance"]), durationSeconds: Self.int(route["duration"]),
        steps: Self.items(route["steps"]).map { step in
          Step(
            type: Self.text(step["type"]), id: step["id"].map { Self.int($0) },
            arrivalSeconds: Self.int(step["arrival"]),
            load: Self.items(step["load"]).map { Self.int($0) })
        })
    }
    unassigned = Self.items(root["unassigned"]).map { entry in
      Unassigned(
        id: Self.int(entry["id"]), type: Self.text(entry["type"]),
        reason: Self.text(entry["reason"]))
    }
  }

  private static func int(_ value: JSONValue?) -> Int {
    switch value {
    case .integer(let number): Int(number)
    case .number(let number): Int(number.rounded())
    default: 0
    }
  }

  private static func text(_ value: JSONValue?) -> String {
    if case .string(let text) = value { return text }
    return ""
  }

  private static func items(_ value: JSONValue?) -> [JSONValue] {
    if case .array(let items) = value { return items }
    return []
  }
}
