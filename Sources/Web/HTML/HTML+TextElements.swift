/// Elements for text and grouping.
extension HTML {
  /// A generic block container (`<div>`).
  public static func div(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("div", attributes, content) }

  /// A generic inline container (`<span>`).
  public static func span(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("span", attributes, content) }

  /// A link (`<a>`); give it `.href(_:)`.
  public static func a(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("a", attributes, content) }

  /// A paragraph (`<p>`).
  public static func p(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("p", attributes, content) }

  /// A top-level heading (`<h1>`), one per page.
  public static func h1(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("h1", attributes, content) }

  /// A section heading (`<h2>`).
  public static func h2(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("h2", attributes, content) }

  /// A subsection heading (`<h3>`).
  public static func h3(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("h3", attributes, content) }

  /// An unordered list (`<ul>`).
  public static func ul(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("ul", attributes, content) }

  /// An ordered list (`<ol>`).
  public static func ol(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("ol", attributes, content) }

  /// A list item (`<li>`).
  public static func li(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("li", attributes, content) }

  /// Side comments and fine print (`<small>`).
  public static func small(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("small", attributes, content) }

  /// Important text (`<strong>`).
  public static func strong(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("strong", attributes, content) }

  /// Stressed text (`<em>`).
  public static func em(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("em", attributes, content) }

  /// A fragment of code or an identifier such as a request id (`<code>`).
  public static func code(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("code", attributes, content) }

  /// A line break (`<br>`), a void element.
  public static func br(_ attributes: HTMLAttribute...) -> HTML { voidElement("br", attributes) }

  /// A thematic break (`<hr>`), a void element.
  public static func hr(_ attributes: HTMLAttribute...) -> HTML { voidElement("hr", attributes) }

  /// An image (`<img>`), a void element; give it `.src(_:)` and `.alt(_:)`.
  public static func img(_ attributes: HTMLAttribute...) -> HTML { voidElement("img", attributes) }
}
