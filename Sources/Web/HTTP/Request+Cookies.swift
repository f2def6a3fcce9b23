import Foundation

extension Request {
  /// The value of the cookie `name` from the `Cookie` header, if the browser sent it.
  public func cookie(_ name: String) -> String? {
    guard let header = headers["Cookie"] else { return nil }
    for pair in header.split(separator: ";") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { continue }
      if parts[0].trimmingCharacters(in: .whitespaces) == name {
        return parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }
}
