import Foundation

extension HTMLAttribute {
  /// CSS classes, joined by spaces: `.class("btn", "btn-primary")`.
  public static func `class`(_ names: String...) -> HTMLAttribute {
    HTMLAttribute("class", .text(names.joined(separator: " ")))
  }

  /// The element's id, unique in the page.
  public static func id(_ value: String) -> HTMLAttribute { HTMLAttribute("id", .text(value)) }

  /// A link target; unsafe schemes become `#` (see `safeURL(_:)`).
  public static func href(_ url: String) -> HTMLAttribute {
    HTMLAttribute("href", .text(safeURL(url)))
  }

  /// An image or script source; unsafe schemes become `#`.
  public static func src(_ url: String) -> HTMLAttribute {
    HTMLAttribute("src", .text(safeURL(url)))
  }

  /// How a form encodes its body: `multipart/form-data` for file uploads.
  public static func enctype(_ value: String) -> HTMLAttribute {
    HTMLAttribute("enctype", .text(value))
  }

  /// The file types a file input offers, e.g. `image/png,image/jpeg`.
  public static func accept(_ value: String) -> HTMLAttribute {
    HTMLAttribute("accept", .text(value))
  }

  /// An image's `src` holding the image itself as a base64 SVG data URL (QR codes drawn by the
  /// server). Images load inertly, so this is safe where `data:` links are not.
  public static func imageData(svg: String) -> HTMLAttribute {
    HTMLAttribute(
      "src", .text("data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString()))
  }

  /// Where a form is submitted; unsafe schemes become `#`.
  public static func action(_ url: String) -> HTMLAttribute {
    HTMLAttribute("action", .text(safeURL(url)))
  }

  /// A form's HTTP method, `get` or `post`.
  public static func method(_ value: String) -> HTMLAttribute {
    HTMLAttribute("method", .text(value))
  }

  /// The type of an `input`, `button`, `link` or `script`.
  public static func type(_ value: String) -> HTMLAttribute { HTMLAttribute("type", .text(value)) }

  /// A form control's field name, or a `meta` element's name.
  public static func name(_ value: String) -> HTMLAttribute { HTMLAttribute("name", .text(value)) }

  /// A form control's value.
  public static func value(_ value: String) -> HTMLAttribute {
    HTMLAttribute("value", .text(value))
  }

  /// A hint shown in an empty input.
  public static func placeholder(_ value: String) -> HTMLAttribute {
    HTMLAttribute("placeholder", .text(value))
  }

  /// The id of the control a `label` belongs to.
  public static func `for`(_ controlID: String) -> HTMLAttribute {
    HTMLAttribute("for", .text(controlID))
  }

  /// An image's text alternative.
  public static func alt(_ value: String) -> HTMLAttribute { HTMLAttribute("alt", .text(value)) }

  /// A link relation, e.g. `stylesheet`.
  public static func rel(_ value: String) -> HTMLAttribute { HTMLAttribute("rel", .text(value)) }

  /// An ARIA role.
  public static func role(_ value: String) -> HTMLAttribute { HTMLAttribute("role", .text(value)) }

  /// Advisory text, shown as a tooltip.
  public static func title(_ value: String) -> HTMLAttribute {
    HTMLAttribute("title", .text(value))
  }

  /// The language of an element's content, e.g. a language name in its own language.
  public static func lang(_ value: String) -> HTMLAttribute { HTMLAttribute("lang", .text(value)) }

  /// A `meta` element's content.
  public static func content(_ value: String) -> HTMLAttribute {
    HTMLAttribute("content", .text(value))
  }

  /// A `meta` element's character set.
  public static func charset(_ value: String) -> HTMLAttribute {
    HTMLAttribute("charset", .text(value))
  }

  /// The browser's autofill hint, e.g. `username`, `off`.
  public static func autocomplete(_ value: String) -> HTMLAttribute {
    HTMLAttribute("autocomplete", .text(value))
  }

  /// The most characters a text control accepts.
  public static func maxlength(_ count: Int) -> HTMLAttribute {
    HTMLAttribute("maxlength", .text(String(count)))
  }

  /// The smallest value of a number or date input.
  public static func min(_ value: String) -> HTMLAttribute { HTMLAttribute("min", .text(value)) }

  /// The largest value of a number or date input.
  public static func max(_ value: String) -> HTMLAttribute { HTMLAttribute("max", .text(value)) }

  /// The step of a number input, e.g. `0.01`.
  public static func step(_ value: String) -> HTMLAttribute { HTMLAttribute("step", .text(value)) }

  /// The visible rows of a `textarea`.
  public static func rows(_ count: Int) -> HTMLAttribute {
    HTMLAttribute("rows", .text(String(count)))
  }

  /// How many columns a table cell spans.
  public static func colspan(_ count: Int) -> HTMLAttribute {
    HTMLAttribute("colspan", .text(String(count)))
  }

  /// The input mode of the on-screen keyboard on phones, e.g. `numeric`.
  public static func inputmode(_ value: String) -> HTMLAttribute {
    HTMLAttribute("inputmode", .text(value))
  }

  /// A `data-*` attribute, read by our own script or Bootstrap's:
  /// `.data("confirm", "Delete?")` renders `data-confirm="Delete?"`.
  /// The name must be lowercase letters, digits and hyphens.
  public static func data(_ name: String, _ value: String) -> HTMLAttribute {
    precondition(isSafeNameSuffix(name), "data attribute name must be [a-z0-9-]+: \(name)")
    return HTMLAttribute("data-" + name, .text(value))
  }

  /// An `aria-*` attribute: `.aria("label", "Close")` renders `aria-label="Close"`.
  /// The name must be lowercase letters, digits and hyphens.
  public static func aria(_ name: String, _ value: String) -> HTMLAttribute {
    precondition(isSafeNameSuffix(name), "aria attribute name must be [a-z0-9-]+: \(name)")
    return HTMLAttribute("aria-" + name, .text(value))
  }
}
