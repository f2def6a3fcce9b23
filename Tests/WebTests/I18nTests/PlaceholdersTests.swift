import Testing
import Web

@Suite struct PlaceholdersTests {
  @Test func everyPlaceholderIsReplacedByItsArgument() {
    let text = Placeholders.fill(
      "{min} 到 {max}，再说一次 {min}", with: ["min": "1", "max": "9"])
    #expect(text == "1 到 9，再说一次 1")
  }

  @Test func placeholdersWithoutAnArgumentStayVisible() {
    #expect(
      Placeholders.fill("Field {field} is {state}", with: ["field": "name"])
        == "Field name is {state}")
  }

  @Test func argumentsAreInsertedLiterallyWithoutBeingReinterpreted() {
    let text = Placeholders.fill("{a}{b}", with: ["a": "{b}", "b": "<x>"])
    #expect(text == "{b}<x>")
  }

  @Test func bracesThatAreNotPlaceholdersAreLeftAlone() {
    #expect(
      Placeholders.fill("{} { x } {Name} {ok", with: ["x": "1", "ok": "2"])
        == "{} { x } {Name} {ok")
    #expect(Placeholders.names(in: "{} {a_1} {{b}} {C}") == ["a_1", "b"])
  }
}
