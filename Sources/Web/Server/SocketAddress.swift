#if canImport(Glibc)
  import Glibc
#endif

/// A bind address in the form libmicrohttpd takes, kept alive as long as the server needs it.
final class SocketAddress {
  private let storage: UnsafeMutablePointer<sockaddr_storage>
  /// Whether the address is IPv6.
  let isIPv6: Bool

  /// Parses a numeric IPv4 or IPv6 address and a port; nil when the text is not an address.
  init?(host: String, port: UInt16) {
    storage = .allocate(capacity: 1)
    storage.initialize(to: sockaddr_storage())
    var ipv4 = sockaddr_in()
    var ipv6 = sockaddr_in6()
    if inet_pton(AF_INET, host, &ipv4.sin_addr) == 1 {
      ipv4.sin_family = sa_family_t(AF_INET)
      ipv4.sin_port = port.bigEndian
      UnsafeMutableRawPointer(storage).storeBytes(of: ipv4, as: sockaddr_in.self)
      isIPv6 = false
    } else if inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1 {
      ipv6.sin6_family = sa_family_t(AF_INET6)
      ipv6.sin6_port = port.bigEndian
      UnsafeMutableRawPointer(storage).storeBytes(of: ipv6, as: sockaddr_in6.self)
      isIPv6 = true
    } else {
      storage.deallocate()
      return nil
    }
  }

  deinit {
    storage.deallocate()
  }

  /// The address as a `sockaddr` pointer.
  var pointer: UnsafePointer<sockaddr> {
    UnsafeRawPointer(storage).assumingMemoryBound(to: sockaddr.self)
  }

  /// The numeric text of a peer address, e.g. `127.0.0.1` or `::1`.
  static func describe(_ address: UnsafePointer<sockaddr>?) -> String {
    guard let address else { return "unknown" }
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
      var ipv4 = UnsafeRawPointer(address).load(as: sockaddr_in.self)
      inet_ntop(AF_INET, &ipv4.sin_addr, &buffer, socklen_t(buffer.count))
    case AF_INET6:
      var ipv6 = UnsafeRawPointer(address).load(as: sockaddr_in6.self)
      inet_ntop(AF_INET6, &ipv6.sin6_addr, &buffer, socklen_t(buffer.count))
    default:
      return "unknown"
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
