import Synchronization

/// Numbers connections as they open, once per process: two connections never share one, even
/// when a closed connection's memory is reused, so what is cached under a connection's number
/// cannot be mistaken for another database's.
enum ConnectionSerial {
  private static let last = Atomic<Int>(0)

  /// The next number.
  static func next() -> Int {
    last.add(1, ordering: .relaxed).newValue
  }
}
