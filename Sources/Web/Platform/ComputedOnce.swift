import Synchronization

/// A value computed on first use and kept, for documents derived from the frozen route
/// registry (the OpenAPI description), which cannot change while the server runs. Reading it
/// after the first time takes no lock.
final class ComputedOnce<Value: Sendable>: Sendable {
  private final class Box: Sendable {
    let value: Value

    init(_ value: Value) {
      self.value = value
    }
  }

  private let stored = AtomicLazyReference<Box>()

  /// The value, computing it with `make` the first time (a failure is not kept; when two
  /// threads race, both compute and the first stored value wins).
  func value(_ make: () throws -> Value) rethrows -> Value {
    if let box = stored.load() { return box.value }
    return stored.storeIfNil(Box(try make())).value
  }
}
