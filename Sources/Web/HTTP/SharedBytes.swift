/// An immutable body kept in memory for many responses (assets, the OpenAPI document): the
/// server hands it to libmicrohttpd without copying, holding a reference until the last
/// response using it is sent.
public final class SharedBytes: @unchecked Sendable {
  /// The bytes; never written after creation.
  let buffer: UnsafeMutableRawBufferPointer

  /// Copies `bytes` once into a stable buffer.
  public init(_ bytes: [UInt8]) {
    let storage = UnsafeMutableRawBufferPointer.allocate(
      byteCount: max(bytes.count, 1), alignment: 1)
    bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
    buffer = storage
    count = bytes.count
  }

  /// The number of bytes.
  public let count: Int

  /// A copy as an array (for tests and idempotency records).
  public var array: [UInt8] {
    Array(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
  }

  deinit {
    buffer.deallocate()
  }
}
