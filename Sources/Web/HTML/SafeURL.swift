/// A URL for an `href`, `src` or `action` attribute, with dangerous schemes neutralised.
///
/// Escaping keeps a value inside its quotes, but `javascript:alert(1)` is harmful even quoted.
/// Relative URLs and the schemes `http`, `https`, `mailto` and `tel` pass unchanged; any other
/// scheme (`javascript:`, `data:`, `vbscript:`, ...) becomes `#`.
func safeURL(_ url: String) -> String {
  let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]
  // Browsers ignore leading whitespace and control characters before the scheme.
  let trimmed = url.unicodeScalars.drop(while: { $0.value <= 0x20 })
  guard let colon = trimmed.firstIndex(of: ":") else { return url }
  let beforeColon = trimmed[..<colon]
  // A `/`, `?` or `#` before the first colon means the colon is in a path, not a scheme.
  if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return url }
  let scheme = String(String.UnicodeScalarView(beforeColon)).lowercased()
  return allowedSchemes.contains(scheme) ? url : "#"
}
