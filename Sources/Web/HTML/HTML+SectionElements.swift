/// Elements that give a page its landmarks.
extension HTML {
  /// A navigation landmark (`<nav>`).
  public static func nav(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("nav", attributes, content) }

  /// The main content landmark (`<main>`), one per page.
  public static func main(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("main", attributes, content) }

  /// A header (`<header>`).
  public static func header(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("header", attributes, content) }

  /// A footer (`<footer>`).
  public static func footer(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("footer", attributes, content) }

  /// A thematic section (`<section>`).
  public static func section(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("section", attributes, content) }

  /// A self-contained composition such as a card or message (`<article>`).
  public static func article(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("article", attributes, content) }
}

extension HTML {
  /// `<details>`: content the reader opens on demand (e.g. a rarely used form).
  public static func details(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("details", attributes, content) }

  /// `<summary>`: the always-visible label of a `<details>`.
  public static func summary(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("summary", attributes, content) }
}
