/// A rule a route can break; the search rejects such routes, the checker reports them, and
/// an unassigned stop carries the rule that kept it out of every route.
public enum RouteRule: String, Sendable, Equatable, CaseIterable {
  /// The vehicle or its driver lacks a skill the stop needs.
  case skills = "skills_missing"
  /// The load exceeds a capacity dimension at some point.
  case capacity = "capacity_exceeded"
  /// Service cannot start within any of the stop's windows.
  case timeWindow = "time_window_missed"
  /// The vehicle would leave before or end after its shift.
  case shift = "shift_exceeded"
  /// More stops than the vehicle may serve.
  case maxTasks = "max_tasks_exceeded"
  /// More driving time than allowed.
  case maxTravelTime = "max_travel_time_exceeded"
  /// More distance than allowed.
  case maxDistance = "max_distance_exceeded"
  /// A longer working day than allowed.
  case maxDuration = "max_duration_exceeded"
  /// A break cannot start within any of its windows.
  case breakWindow = "break_window_missed"
  /// A shipment's delivery without its pickup before it on the same vehicle and trip.
  case shipmentOrder = "shipment_order"
  /// A fixed (re-planning) stop is not where it was fixed.
  case fixedStops = "fixed_stop_moved"
}
