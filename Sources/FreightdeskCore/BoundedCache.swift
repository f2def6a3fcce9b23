import Synchronization

/// A dictionary shared between threads that holds at most `entriesMax` entries and starts again
/// empty when full: for values that are costly to compute on every request but cheap to
/// compute again now and then (decoded documents, what signing in reads). A value that can go
/// stale carries what it was computed from, and the caller compares that before using it.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private let entriesMax: Int
  private let entries = Mutex<[Key: Value]>([:])

  /// An empty cache of at most `entriesMax` entries.
  public init(entriesMax: Int) {
    precondition(entriesMax >= 1, "a cache holds at least one entry")
    self.entriesMax = entriesMax
  }

  /// The value remembered for `key`, if any.
  public func value(for key: Key) -> Value? {
    entries.withLock { $0[key] }
  }

  /// Remembers `value` for `key`, emptying the cache first when it is full.
  public func store(_ value: Value, for key: Key) {
    entries.withLock { cache in
      if cache.count >= entriesMax && cache[key] == nil { cache.removeAll(keepingCapacity: true) }
      cache[key] = value
    }
  }
}
