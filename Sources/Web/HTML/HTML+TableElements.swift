/// Elements for tables.
extension HTML {
  /// A table (`<table>`).
  public static func table(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("table", attributes, content) }

  /// The header rows of a table (`<thead>`).
  public static func thead(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("thead", attributes, content) }

  /// The body rows of a table (`<tbody>`).
  public static func tbody(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("tbody", attributes, content) }

  /// A table row (`<tr>`).
  public static func tr(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("tr", attributes, content) }

  /// A header cell (`<th>`).
  public static func th(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("th", attributes, content) }

  /// A data cell (`<td>`).
  public static func td(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("td", attributes, content) }
}
