import Foundation
import Testing

/// The dependency direction of DESIGN.md §2, checked over every source file.
@Suite struct ArchitectureTests {
  private static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  private func sources() throws -> [(target: String, file: String, text: String)] {
    let sourcesDirectory = Self.root.appendingPathComponent("Sources")
    let manager = FileManager.default
    var found: [(String, String, String)] = []
    for target in try manager.contentsOfDirectory(atPath: sourcesDirectory.path) {
      let directory = sourcesDirectory.appendingPathComponent(target)
      guard let walker = manager.enumerator(atPath: directory.path) else { continue }
      for case let relative as String in walker where relative.hasSuffix(".swift") {
        let text = try String(
          contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
        found.append((target, relative, text))
      }
    }
    return found
  }

  @Test func everyTargetIsPlacedInALayer() throws {
    let targets = Set(try sources().map(\.target))
    #expect(!targets.isEmpty)
    for target in targets {
      #expect(DependencyRules.layers[target] != nil, "\(target) has no layer in DependencyRules")
    }
  }

  @Test func importsPointDownOnly() throws {
    var violations: [DependencyRules.Violation] = []
    for source in try sources() {
      for imported in DependencyRules.imports(in: source.text) {
        if let violation = DependencyRules.check(
          target: source.target, file: source.file, imported: imported)
        {
          violations.append(violation)
        }
      }
    }
    #expect(violations.isEmpty, "\(violations)")
  }

  @Test func theRulesCatchAnUpwardImport() {
    #expect(DependencyRules.check(target: "Storage", file: "x", imported: "Web") != nil)
    #expect(DependencyRules.check(target: "FreightdeskCore", file: "x", imported: "Storage") != nil)
    #expect(DependencyRules.check(target: "Web", file: "x", imported: "App") != nil)
    #expect(DependencyRules.check(target: "Web", file: "x", imported: "Storage") == nil)
  }

  @Test func theRulesKeepRoutingOnCoreAndModulesApart() {
    #expect(DependencyRules.check(target: "Routing", file: "x", imported: "CSQLite") != nil)
    #expect(DependencyRules.check(target: "Routing", file: "x", imported: "FreightdeskCore") == nil)
    #expect(DependencyRules.check(target: "Orders", file: "x", imported: "CRM") != nil)
    #expect(DependencyRules.check(target: "Orders", file: "x", imported: "Web") == nil)
  }

  @Test func thePDFWriterKnowsOnlyCoreLibzintCairoAndPango() {
    #expect(DependencyRules.check(target: "PDF", file: "x", imported: "CZint") == nil)
    #expect(DependencyRules.check(target: "PDF", file: "x", imported: "CCairo") == nil)
    #expect(DependencyRules.check(target: "PDF", file: "x", imported: "CPango") == nil)
    #expect(DependencyRules.check(target: "PDF", file: "x", imported: "FreightdeskCore") == nil)
    #expect(DependencyRules.check(target: "PDF", file: "x", imported: "Storage") != nil)
    #expect(DependencyRules.check(target: "PDF", file: "x", imported: "CSQLite") != nil)
    #expect(DependencyRules.check(target: "Orders", file: "x", imported: "PDF") == nil)
  }

  @Test func importLinesAreRecognisedInAllTheirForms() {
    let source = """
      import Foundation
      public import Storage
      @testable import Web
      // import App is only a comment
      let text = "import Orders"
      """
    #expect(DependencyRules.imports(in: source) == ["Foundation", "Storage", "Web"])
  }
}
