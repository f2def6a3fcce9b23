import Foundation
import Testing

@testable import Web

@Suite struct HTMLBuilderTests {
  @Test func elementsNestWithAttributesInOrder() {
    let html = HTML.div(.class("card", "p-2"), .id("c1")) {
      HTML.h2 { "Orders" }
      HTML.p { HTML.strong { "3" } }
    }
    #expect(
      html.render()
        == "<div class=\"card p-2\" id=\"c1\"><h2>Orders</h2><p><strong>3</strong></p></div>")
  }

  @Test func voidElementsHaveNoEndTag() {
    let html = HTML.group {
      HTML.input(.type("text"), .name("q"))
      HTML.br()
      HTML.img(.src("/a.png"), .alt(""))
      HTML.meta(.charset("utf-8"))
      HTML.link(.rel("stylesheet"), .href("/a.css"))
      HTML.hr()
    }
    #expect(
      html.render()
        == "<input type=\"text\" name=\"q\"><br><img src=\"/a.png\" alt=\"\">"
        + "<meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"/a.css\"><hr>")
  }

  @Test func emptyElementsStillGetAnEndTag() {
    #expect(HTML.span(.class("icon")).render() == "<span class=\"icon\"></span>")
    #expect(HTML.textarea(.name("note")).render() == "<textarea name=\"note\"></textarea>")
  }

  @Test func forLoopsRenderEveryItemInOrder() {
    let html = HTML.ul {
      for number in ["TO-1", "TO-2", "TO-3"] {
        HTML.li { number }
      }
    }
    #expect(html.render() == "<ul><li>TO-1</li><li>TO-2</li><li>TO-3</li></ul>")
  }

  @Test(arguments: [true, false])
  func ifElseRendersOnlyTheChosenBranch(isPosted: Bool) {
    let html = HTML.span {
      if isPosted {
        "posted"
      } else {
        "draft"
      }
    }
    #expect(html.render() == (isPosted ? "<span>posted</span>" : "<span>draft</span>"))
  }

  @Test func optionalsRenderOnlyWhenPresent() {
    func note(_ text: String?) -> HTML {
      HTML.p {
        "Note"
        if let text {
          HTML.small { text }
        }
      }
    }
    #expect(note("fragile").render() == "<p>Note<small>fragile</small></p>")
    #expect(note(nil).render() == "<p>Note</p>")
  }

  @Test func switchStatementsPickTheMatchingCase() {
    func badge(_ kind: Flash.Kind) -> HTML {
      HTML.span {
        switch kind {
        case .success: "ok"
        case .danger: "failed"
        default: "other"
        }
      }
    }
    #expect(badge(.success).render() == "<span>ok</span>")
    #expect(badge(.danger).render() == "<span>failed</span>")
    #expect(badge(.info).render() == "<span>other</span>")
  }

  @Test func booleanAttributesAppearBareWhenOnAndVanishWhenOff() {
    let html = HTML.select(.name("zone"), .required(true), .multiple(false)) {
      HTML.option(.value("a"), .selected(true)) { "A" }
      HTML.option(.value("b"), .selected(false), .disabled(true)) { "B" }
    }
    #expect(
      html.render()
        == "<select name=\"zone\" required><option value=\"a\" selected>A</option>"
        + "<option value=\"b\" disabled>B</option></select>")
  }

  @Test func dataAndAriaAttributesArePrefixed() {
    let html = HTML.button(.type("button"), .data("bs-toggle", "collapse"), .aria("label", "Menu"))
    #expect(
      html.render()
        == "<button type=\"button\" data-bs-toggle=\"collapse\" aria-label=\"Menu\"></button>")
  }

  @Test func scriptsAreExternalAndDeferred() {
    #expect(
      HTML.script(src: "/assets/app.js").render()
        == "<script src=\"/assets/app.js\" defer></script>")
  }

  @Test func renderingIntoABufferAppendsToWhatIsThere() {
    var buffer = "<!-- start -->"
    HTML.em { "x" }.render(into: &buffer)
    #expect(buffer == "<!-- start --><em>x</em>")
  }

  @Test func aTableOfManyRowsRendersCompletely() {
    let rows = (1...1000).map { "row \($0)" }
    let html = HTML.table {
      HTML.tbody {
        for row in rows {
          HTML.tr { HTML.td { row } }
        }
      }
    }.render()
    #expect(html.hasPrefix("<table><tbody><tr><td>row 1</td></tr>"))
    #expect(html.hasSuffix("<tr><td>row 1000</td></tr></tbody></table>"))
    #expect(html.components(separatedBy: "<tr>").count == 1001)
  }
}
