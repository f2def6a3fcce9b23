import Foundation
import Synchronization

/// Serves the web UI's files: the project's own CSS and JS from the Web bundle, and Bootstrap,
/// Chart.js and Leaflet from Debian's packages under `/usr/share/javascript` (never copied into
/// the repository). Files are read once and kept in memory; every answer carries an `ETag`
/// and `Cache-Control`, and a matching `If-None-Match` answers 304.
public final class StaticAssets: Sendable {
  /// One file ready to send.
  struct Asset: Sendable {
    let bytes: SharedBytes
    let entityTag: EntityTag
    let contentType: String
    let cacheControl: String
  }

  /// The Debian packages whose files may be served under `/assets/vendor/<package>/`.
  public static let vendorPackages: Set<String> = ["bootstrap5", "chart.js", "leaflet"]
  /// How long browsers keep vendor files (they change only with a Debian upgrade).
  static let vendorCacheControl = "public, max-age=604800"
  /// Our own files revalidate every few minutes so a deploy shows quickly.
  static let ownCacheControl = "public, max-age=300, must-revalidate"

  private let vendorRoot: String
  private let ownRoot: String?
  private let cache = Mutex<[String: Asset]>([:])

  /// Creates the asset server; `vendorRoot` is Debian's JavaScript directory.
  public init(vendorRoot: String = "/usr/share/javascript") {
    self.vendorRoot = vendorRoot
    self.ownRoot =
      Bundle.module.url(forResource: "Resources", withExtension: nil)?
      .appendingPathComponent("assets").path
  }

  /// The response for `/assets/<path>`, or nil when there is no such file.
  public func response(for path: String, request: Request) -> Response? {
    guard let asset = asset(at: path) else { return nil }
    if EntityTag.isNotModified(request, current: asset.entityTag) {
      return Response(
        status: 304,
        headers: ["ETag": asset.entityTag.description, "Cache-Control": asset.cacheControl])
    }
    var response = Response(
      status: 200,
      headers: [
        "Content-Type": asset.contentType, "ETag": asset.entityTag.description,
        "Cache-Control": asset.cacheControl,
      ])
    response.body = .shared(asset.bytes)
    return response
  }

  func asset(at path: String) -> Asset? {
    if let cached = cache.withLock({ $0[path] }) { return cached }
    guard let (file, cacheControl) = resolve(path),
      let data = FileManager.default.contents(atPath: file)
    else { return nil }
    let bytes = [UInt8](data)
    let asset = Asset(
      bytes: SharedBytes(bytes), entityTag: EntityTag(hashing: bytes),
      contentType: Self.contentType(of: path), cacheControl: cacheControl)
    cache.withLock { $0[path] = asset }
    return asset
  }

  /// Maps a request path below `/assets/` to a file, refusing anything outside the roots.
  private func resolve(_ path: String) -> (String, String)? {
    let segments = path.split(separator: "/").map(String.init)
    guard !segments.isEmpty,
      segments.allSatisfy({ !$0.hasPrefix(".") && !$0.contains("\\") && !$0.isEmpty })
    else { return nil }
    if segments[0] == "vendor" {
      guard segments.count >= 3, Self.vendorPackages.contains(segments[1]) else { return nil }
      let file = ([vendorRoot] + segments.dropFirst()).joined(separator: "/")
      return (file, Self.vendorCacheControl)
    }
    guard let ownRoot else { return nil }
    return (([ownRoot] + segments).joined(separator: "/"), Self.ownCacheControl)
  }

  static func contentType(of path: String) -> String {
    switch path.split(separator: ".").last.map(String.init) ?? "" {
    case "css": "text/css; charset=utf-8"
    case "js", "mjs": "text/javascript; charset=utf-8"
    case "map", "json": "application/json"
    case "png": "image/png"
    case "svg": "image/svg+xml"
    case "ico": "image/x-icon"
    case "woff2": "font/woff2"
    default: "application/octet-stream"
    }
  }
}
