import Foundation

/// The layering of DESIGN.md §2 as data: arrows point down only, and business modules never
/// import each other. Read from the sources themselves, so a new `import` that breaks the
/// design fails the build's tests the day it is written.
enum DependencyRules {
  /// Each of our targets with its layer; a target may import only targets of lower layers.
  static let layers: [String: Int] = [
    "CMicroHTTPD": 0, "CSQLite": 0, "CPostgreSQL": 0, "CSodium": 0, "CCrypto": 0, "CZip": 0,
    "CXLSXWriter": 0, "CShim": 0,
    "CZint": 0, "CCairo": 0, "CPango": 0,
    "FreightdeskCore": 1,
    "Storage": 2, "Routing": 2, "Ledger": 2, "Spreadsheet": 2, "PDF": 2,
    "Web": 3,
    "Identity": 4, "CRM": 4, "Orders": 4, "Warehouse": 4, "Transport": 4, "Finance": 4,
    "Procurement": 4, "Service": 4, "People": 4, "Analytics": 4, "Documents": 4,
    "Integrations": 4,
    "App": 5,
    "freightdesk": 6,
  ]

  /// Targets that may import nothing of ours but the few named here (and system libraries):
  /// the optimizer needs only Core, the PDF writer Core, libzint for its barcodes and cairo with
  /// pango for its pages and text.
  static let confined: [String: Set<String>] = [
    "Routing": ["FreightdeskCore"],
    "PDF": ["FreightdeskCore", "CZint", "CCairo", "CPango"],
  ]

  /// Layer 4: the business modules.
  static let businessLayer = 4

  /// One import that breaks the rules.
  struct Violation: Equatable, CustomStringConvertible {
    let target: String
    let file: String
    let imported: String

    var description: String { "\(target) (\(file)) must not import \(imported)" }
  }

  /// The modules a Swift source imports (`import X`, `public import X`, `@testable import X`).
  static func imports(in source: String) -> [String] {
    source.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ").map(String.init)
      guard let index = words.firstIndex(of: "import"), index + 1 < words.count else {
        return nil
      }
      let before = words[..<index]
      let allowed: Set<String> = ["public", "package", "internal", "@testable", "@_exported"]
      guard before.allSatisfy(allowed.contains) else { return nil }
      return words[index + 1].split(separator: ".").first.map(String.init)
    }
  }

  /// The violations of `target` importing `imported` from `file`, if any.
  static func check(target: String, file: String, imported: String) -> Violation? {
    guard let own = layers[target], let other = layers[imported] else { return nil }
    let violation = Violation(target: target, file: file, imported: imported)
    if imported == target { return nil }
    if let allowed = confined[target], !allowed.contains(imported) { return violation }
    if own == businessLayer && other == businessLayer { return violation }
    return other < own ? nil : violation
  }
}
