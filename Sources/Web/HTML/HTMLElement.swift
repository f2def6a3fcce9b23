/// One HTML element: a tag name, its attributes and, unless it is a void element, its children.
struct HTMLElement: Sendable {
  /// The tag name, always one of the fixed names the element functions use.
  let name: String
  /// The attributes in the order given.
  let attributes: [HTMLAttribute]
  /// The content, or nil for void elements (`input`, `img`, `meta`, `link`, `br`, `hr`),
  /// which have no end tag.
  let children: HTML?

  /// Appends `<name attributes>children</name>`, or only the start tag for a void element.
  func render(into output: inout String) {
    output += "<"
    output += name
    for attribute in attributes { attribute.render(into: &output) }
    output += ">"
    guard let children else { return }
    children.render(into: &output)
    output += "</"
    output += name
    output += ">"
  }
}
