public import Synchronization

/// A dictionary shared between threads that holds at most `entriesMax` entries and starts again
/// empty when full: for values that are costly to compute on every request but cheap to
/// compute again now and then (decoded documents, what signing in reads). A value that can go
/// stale carries what it was computed from, and the caller compares that before using it.
///
/// Its methods are inlinable so that callers in other modules get them specialized for their
/// key and value types: unspecialized, each lookup asked the runtime for type metadata and
/// copied the value through witness tables, several times the cost of the lookup itself.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  @usableFromInline let entriesMax: Int
  @usableFromInline let entries = Mutex<[Key: Value]>([:])

  /// An empty cache of at most `entriesMax` entries.
  public init(entriesMax: Int) {
    precondition(entriesMax >= 1, "a cache holds at least one entry")
    self.entriesMax = entriesMax
  }

  /// The value remembered for `key`, if any.
  @inlinable public func value(for key: Key) -> Value? {
    entries.withLock { $0[key] }
  }

  /// Remembers `value` for `key`, emptying the cache first when it is full.
  @inlinable public func store(_ value: Value, for key: Key) {
    entries.withLock { cache in
      if cache.count >= entriesMax && cache[key] == nil { cache.removeAll(keepingCapacity: true) }
      cache[key] = value
    }
  }
}
