import Synchronization

/// A value computed on first use and kept, for documents derived from the frozen route
/// registry (the OpenAPI description), which cannot change while the server runs.
final class ComputedOnce<Value: Sendable>: Sendable {
  private let stored = Mutex<Value?>(nil)

  /// The value, computing it with `make` the first time (a failure is not kept).
  func value(_ make: () throws -> Value) rethrows -> Value {
    if let value = stored.withLock({ $0 }) { return value }
    let value = try make()
    stored.withLock { $0 = value }
    return value
  }
}
