extension HTMLAttribute {
  /// A boolean attribute, on or off; off leaves it out: `.disabled(order.isPosted)`.
  public static func disabled(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("disabled", .flag(isOn))
  }

  /// Whether a form control must be filled in.
  public static func required(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("required", .flag(isOn))
  }

  /// Whether a checkbox or radio button is checked.
  public static func checked(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("checked", .flag(isOn))
  }

  /// Whether an `option` is selected.
  public static func selected(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("selected", .flag(isOn))
  }

  /// Whether a control is read-only.
  public static func readonly(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("readonly", .flag(isOn))
  }

  /// Whether a `select` allows several choices.
  public static func multiple(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("multiple", .flag(isOn))
  }

  /// Whether a control takes focus when the page loads.
  public static func autofocus(_ isOn: Bool) -> HTMLAttribute {
    HTMLAttribute("autofocus", .flag(isOn))
  }
}
