import FreightdeskCore

/// What this process last wrote to a counter-like row (an audit chain's head, a document
/// number's counter), kept so the next write can advance the row with one conditional `UPDATE`
/// instead of first reading or claiming it (more statements on the same row, in the
/// transaction that SQLite's writers take one at a time).
///
/// A hint is only a guess: it is remembered before its transaction commits, the transaction
/// may roll back, and another process may write the row meanwhile. Every `UPDATE` that uses one
/// therefore requires the stored row to hold exactly the guessed value; when it does not,
/// nothing changes and the write takes the ordinary way. The result never depends on the hint,
/// only the number of statements does; so forgetting is harmless too, and the hints are kept
/// in a ``BoundedCache``.
final class WriteHints<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private let values = BoundedCache<Key, Value>(entriesMax: 4_096)

  /// The value this process last wrote for `key`, if any.
  func guess(_ key: Key) -> Value? {
    values.value(for: key)
  }

  /// Remembers `value` as written for `key`.
  func remember(_ value: Value, for key: Key) {
    values.store(value, for: key)
  }
}
