import CShim
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The server's listening socket and the thread that accepts on it, handing each new
/// connection to libmicrohttpd's worker pool.
///
/// libmicrohttpd can listen by itself, but then every worker thread accepts whenever it is
/// idle and takes up to a burst of connections at once: 64 clients connecting together landed
/// as 8, 6, 6, 5, … connections on some threads and none on others. A request that waits for
/// the database then holds up every other connection of its thread, which is what made the
/// slowest 1 % of order creations several times slower than the median. A connection handed
/// over with `MHD_add_connection` goes to the worker numbered by its socket modulo the pool
/// size, so consecutive connections spread evenly over the threads.
final class ConnectionAcceptor: @unchecked Sendable {
  /// The port bound (the one asked for, or the kernel's pick for port 0).
  let port: UInt16
  private let socket: Int32
  private let stopping = Atomic<Bool>(false)
  private let exited = DispatchSemaphore(value: 0)
  private let started = Atomic<Bool>(false)

  /// Binds and listens on `address`; throws when the address is in use or not permitted.
  init(address: SocketAddress, backlog: Int, reportedAs host: String, port requested: UInt16)
    throws(ServerError)
  {
    let family = address.isIPv6 ? AF_INET6 : AF_INET
    let socket = Glibc.socket(family, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
    guard socket >= 0 else { throw .cannotListen(address: host, port: requested) }
    var on: Int32 = 1
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
    let length = socklen_t(
      address.isIPv6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
    guard bind(socket, address.pointer, length) == 0, listen(socket, Int32(backlog)) == 0,
      let bound = Self.boundPort(of: socket)
    else {
      close(socket)
      throw .cannotListen(address: host, port: requested)
    }
    self.socket = socket
    self.port = bound
  }

  /// Starts the accepting thread; `hand` receives each accepted, non-blocking socket with its
  /// peer address and owns it from then on.
  func start(handing hand: @escaping @Sendable (Int32, UnsafePointer<sockaddr>, socklen_t) -> Void)
  {
    started.store(true, ordering: .releasing)
    let thread = Thread { [self] in
      acceptUntilStopped(hand)
      exited.signal()
    }
    thread.name = "http-accept"
    thread.start()
  }

  /// Stops accepting and closes the listening socket; new clients are refused from now on.
  func stop() {
    guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
    // Wakes the thread blocked in accept, which then sees `stopping`.
    shutdown(socket, Int32(SHUT_RDWR))
    if started.load(ordering: .acquiring) { exited.wait() }
    close(socket)
  }

  private func acceptUntilStopped(
    _ hand: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Void
  ) {
    var peer = sockaddr_storage()
    while !stopping.load(ordering: .acquiring) {
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let client = withUnsafeMutablePointer(to: &peer) { storage in
        storage.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
          fd_accept_nonblocking(socket, address, &length)
        }
      }
      if client >= 0 {
        withUnsafePointer(to: &peer) { storage in
          storage.withMemoryRebound(to: sockaddr.self, capacity: 1) { hand(client, $0, length) }
        }
        continue
      }
      switch errno {
      case EINTR, ECONNABORTED, EAGAIN, EPROTO:
        continue
      case EMFILE, ENFILE, ENOBUFS, ENOMEM:
        // Out of descriptors or memory: leave the client in the backlog and try again soon.
        usleep(10_000)
      default:
        return
      }
    }
  }

  private static func boundPort(of socket: Int32) -> UInt16? {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let status = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    guard status == 0 else { return nil }
    let family = Int32(storage.ss_family)
    return withUnsafePointer(to: &storage) { pointer in
      let raw = UnsafeRawPointer(pointer)
      switch family {
      case AF_INET: return UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
      case AF_INET6: return UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
      default: return nil
      }
    }
  }
}
