/// Elements for the document skeleton and the head, plus the two building blocks every
/// element function uses.
extension HTML {
  /// The root element (`<html>`); give it `.lang(_:)`.
  public static func html(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML) -> HTML
  {
    element("html", attributes, content)
  }

  /// The document head (`<head>`).
  public static func head(@HTMLBuilder content: () -> HTML) -> HTML {
    element("head", [], content)
  }

  /// The document body (`<body>`).
  public static func body(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML) -> HTML
  {
    element("body", attributes, content)
  }

  /// The document title (`<title>`), escaped like any text.
  public static func title(_ text: String) -> HTML {
    element("title", []) { text }
  }

  /// Document metadata (`<meta>`), a void element.
  public static func meta(_ attributes: HTMLAttribute...) -> HTML {
    voidElement("meta", attributes)
  }

  /// A link to a resource such as a style sheet (`<link>`), a void element.
  public static func link(_ attributes: HTMLAttribute...) -> HTML {
    voidElement("link", attributes)
  }

  /// An external script, loaded deferred (`<script src defer></script>`). There is no way to
  /// write inline script: pages stay compatible with a strict Content-Security-Policy.
  public static func script(src: String) -> HTML {
    element("script", [.src(src), HTMLAttribute("defer", .flag(true))]) { HTML.empty }
  }

  /// An element with content.
  static func element(
    _ name: String, _ attributes: [HTMLAttribute], @HTMLBuilder _ content: () -> HTML
  ) -> HTML {
    HTML(.element(HTMLElement(name: name, attributes: attributes, children: content())))
  }

  /// A void element: a start tag and no end tag.
  static func voidElement(_ name: String, _ attributes: [HTMLAttribute]) -> HTML {
    HTML(.element(HTMLElement(name: name, attributes: attributes, children: nil)))
  }
}
