import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small blocking HTTP/1.1 client over a loopback socket, so integration tests speak real
/// HTTP to the server and control every byte (any method, any header, bodies that lie about
/// their size, a connection kept open for an event stream).
public struct HTTPClient: Sendable {
  /// A response as received.
  public struct Response: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]
    /// Every `Set-Cookie` value, in order (they cannot be merged like other headers).
    public var setCookies: [String] = []

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object.
    public var json: [String: Any] {
      (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
  }

  /// Failures talking to the server.
  public enum Failure: Error {
    case cannotConnect(port: UInt16)
    case connectionClosed
    case malformedResponse(String)
  }

  /// The server's port on 127.0.0.1.
  public let port: UInt16

  /// A client for the server on `port`.
  public init(port: UInt16) {
    self.port = port
  }

  /// Sends one request on a new connection and reads the whole response.
  public func send(
    _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = [],
    declaredLength: Int? = nil
  ) throws -> Response {
    let connection = try Connection(port: port)
    defer { connection.close() }
    try connection.write(
      Self.head(method, path, headers: headers, length: declaredLength ?? body.count) + body)
    return try connection.readResponse(isHead: method == "HEAD")
  }

  /// `GET`.
  public func get(_ path: String, headers: [String: String] = [:]) throws -> Response {
    try send("GET", path, headers: headers)
  }

  /// A request with a JSON body (a string of JSON text).
  public func sendJSON(
    _ method: String, _ path: String, _ json: String, headers: [String: String] = [:]
  ) throws -> Response {
    var all = headers
    all["Content-Type"] = all["Content-Type"] ?? "application/json"
    return try send(method, path, headers: all, body: Array(json.utf8))
  }

  /// Opens an event stream and returns the connection after the response head.
  public func openStream(_ path: String) throws -> (Response, Connection) {
    let connection = try Connection(port: port)
    try connection.write(
      Self.head("GET", path, headers: ["Accept": "text/event-stream"], length: 0))
    let head = try connection.readHead()
    return (head, connection)
  }

  static func head(_ method: String, _ path: String, headers: [String: String], length: Int)
    -> [UInt8]
  {
    var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
      text += "\(name): \(value)\r\n"
    }
    if length > 0 || ["POST", "PUT", "PATCH"].contains(method) {
      text += "Content-Length: \(length)\r\n"
    }
    return Array((text + "\r\n").utf8)
  }

  /// One TCP connection to the server.
  public final class Connection: @unchecked Sendable {
    private let socket: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
      socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      var timeout = timeval(tv_sec: 30, tv_usec: 0)
      setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard connected == 0 else {
        Glibc.close(socket)
        throw Failure.cannotConnect(port: port)
      }
    }

    func write(_ bytes: [UInt8]) throws {
      var offset = 0
      while offset < bytes.count {
        let sent = bytes[offset...].withUnsafeBytes {
          Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        guard sent > 0 else { throw Failure.connectionClosed }
        offset += sent
      }
    }

    /// Closes the connection.
    public func close() {
      Glibc.close(socket)
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws -> Bool {
      var chunk = [UInt8](repeating: 0, count: 16384)
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count < 0 { throw Failure.connectionClosed }
      if count == 0 { return false }
      buffer += chunk[0..<count]
      return true
    }

    private func readLine() throws -> String {
      while true {
        if let index = buffer.firstIndex(of: UInt8(ascii: "\n")) {
          let line = buffer[..<index]
          buffer.removeFirst(index + 1)
          return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        guard try fill() else { throw Failure.connectionClosed }
      }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
      while buffer.count < count {
        guard try fill() else { throw Failure.connectionClosed }
      }
      let bytes = Array(buffer[..<count])
      buffer.removeFirst(count)
      return bytes
    }

    func readHead() throws -> Response {
      let statusLine = try readLine()
      let parts = statusLine.split(separator: " ")
      guard parts.count >= 2, let status = Int(parts[1]) else {
        throw Failure.malformedResponse(statusLine)
      }
      var headers: [String: String] = [:]
      var setCookies: [String] = []
      while true {
        let line = try readLine()
        if line.isEmpty { break }
        let pair = line.split(separator: ":", maxSplits: 1)
        guard pair.count == 2 else { throw Failure.malformedResponse(line) }
        let name = pair[0].lowercased()
        let value = pair[1].trimmingCharacters(in: .whitespaces)
        headers[name] = headers[name].map { $0 + ", " + value } ?? value
        if name == "set-cookie" { setCookies.append(value) }
      }
      var response = Response(status: status, headers: headers, body: [])
      response.setCookies = setCookies
      return response
    }

    func readResponse(isHead: Bool) throws -> Response {
      var response = try readHead()
      if isHead || response.status == 304 || response.status == 204 { return response }
      if let length = response.headers["content-length"].flatMap(Int.init) {
        response.body = try readBytes(length)
      } else if response.headers["transfer-encoding"]?.contains("chunked") == true {
        while let chunk = try nextChunk() { response.body += chunk }
      } else {
        while try fill() {}
        response.body = buffer
        buffer = []
      }
      return response
    }

    /// The next chunk of a chunked body, or nil after the last one.
    public func nextChunk() throws -> [UInt8]? {
      let sizeLine = try readLine()
      guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
        throw Failure.malformedResponse(sizeLine)
      }
      if size == 0 {
        _ = try readLine()
        return nil
      }
      let bytes = try readBytes(size)
      _ = try readLine()
      return bytes
    }

    /// Reads chunks until the received text contains `marker`; returns all text read.
    public func readUntil(_ marker: String) throws -> String {
      var text = ""
      while !text.contains(marker) {
        guard let chunk = try nextChunk() else { break }
        text += String(decoding: chunk, as: UTF8.self)
      }
      return text
    }
  }
}
