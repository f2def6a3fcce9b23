/// The result builder behind every element's content block.
///
/// A block may hold ``HTML`` values, plain `String`s (rendered as escaped text), `if`,
/// `if let`, `if`/`else`, `switch` and `for` loops.
@resultBuilder
public enum HTMLBuilder {
  /// An HTML fragment as it is.
  public static func buildExpression(_ fragment: HTML) -> HTML {
    fragment
  }

  /// A string as escaped text.
  public static func buildExpression(_ text: String) -> HTML {
    .text(text)
  }

  /// The statements of a block, in order.
  public static func buildBlock(_ parts: HTML...) -> HTML {
    HTML(.fragment(parts))
  }

  /// An `if` without `else`: nothing when the condition fails.
  public static func buildOptional(_ part: HTML?) -> HTML {
    part ?? .empty
  }

  /// The `if` branch of an `if`/`else` or the first cases of a `switch`.
  public static func buildEither(first part: HTML) -> HTML {
    part
  }

  /// The `else` branch of an `if`/`else` or the later cases of a `switch`.
  public static func buildEither(second part: HTML) -> HTML {
    part
  }

  /// The iterations of a `for` loop, in order.
  public static func buildArray(_ parts: [HTML]) -> HTML {
    HTML(.fragment(parts))
  }

  /// An `if #available` block.
  public static func buildLimitedAvailability(_ part: HTML) -> HTML {
    part
  }
}
