/// A fragment of HTML that is safe to send: every piece of text and every attribute value in
/// it is escaped when rendered, and raw markup enters only through ``trustedRaw(_:)``, which
/// accepts compile-time constants alone.
///
/// Build fragments with ``HTMLBuilder`` and the element functions (``div(_:content:)``, ...):
///
/// ```swift
/// let list = HTML.ul(.class("list-unstyled")) {
///   for order in orders {
///     HTML.li { order.number }
///   }
/// }
/// let text = list.render()
/// ```
///
/// A fragment is a tree of values; ``render()`` walks it once, appending into one buffer.
public struct HTML: Sendable {
  /// What a fragment is made of.
  enum Node: Sendable {
    /// Text, escaped when rendered.
    case text(String)
    /// Markup written into the source code, rendered as is.
    case trusted(String)
    /// An element with attributes and, unless it is a void element, children.
    indirect case element(HTMLElement)
    /// A sequence of fragments.
    case fragment([HTML])
  }

  /// The node this fragment is.
  let node: Node

  /// Wraps a node.
  init(_ node: Node) {
    self.node = node
  }

  /// Nothing; renders as the empty string.
  public static let empty = HTML(.fragment([]))

  /// Text shown as written: `&`, `<`, `>`, `"` and `'` are escaped, so it can never become
  /// markup. Strings inside an ``HTMLBuilder`` block become this automatically.
  public static func text(_ text: String) -> HTML {
    HTML(.text(text))
  }

  /// Markup inserted without escaping. Only a string literal can be passed (the parameter is a
  /// `StaticString`), so data from a request or the database can never reach it.
  public static func trustedRaw(_ markup: StaticString) -> HTML {
    HTML(.trusted(markup.description))
  }

  /// Several fragments in a row.
  public static func group(@HTMLBuilder _ content: () -> HTML) -> HTML {
    content()
  }

  /// The fragment as one string.
  public func render() -> String {
    var output = ""
    output.reserveCapacity(4096)
    render(into: &output)
    return output
  }

  /// Appends the fragment to `output`, for callers that assemble a larger buffer.
  public func render(into output: inout String) {
    switch node {
    case .text(let text):
      HTMLEscaping.append(text, to: &output)
    case .trusted(let markup):
      output += markup
    case .element(let element):
      element.render(into: &output)
    case .fragment(let parts):
      for part in parts { part.render(into: &output) }
    }
  }
}
