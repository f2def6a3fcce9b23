/// Elements for forms.
extension HTML {
  /// A form (`<form>`); give it `.method(_:)` and `.action(_:)`.
  public static func form(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("form", attributes, content) }

  /// A group of controls (`<fieldset>`).
  public static func fieldset(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("fieldset", attributes, content) }

  /// The caption of a fieldset (`<legend>`).
  public static func legend(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("legend", attributes, content) }

  /// A control's label (`<label>`); tie it with `.for(_:)`.
  public static func label(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("label", attributes, content) }

  /// A form control (`<input>`), a void element.
  public static func input(_ attributes: HTMLAttribute...) -> HTML {
    voidElement("input", attributes)
  }

  /// A drop-down choice (`<select>`).
  public static func select(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("select", attributes, content) }

  /// A choice in a `select` (`<option>`).
  public static func option(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("option", attributes, content) }

  /// A multi-line text control (`<textarea>`); its content is the initial text.
  public static func textarea(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("textarea", attributes, content) }

  /// A button (`<button>`); give it `.type(_:)`.
  public static func button(
    _ attributes: HTMLAttribute..., @HTMLBuilder content: () -> HTML = { HTML.empty }
  ) -> HTML { element("button", attributes, content) }
}
