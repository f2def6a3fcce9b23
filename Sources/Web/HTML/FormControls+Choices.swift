extension FormControls {
  /// A labelled drop-down of `options` (value, label); the value typed last is selected and
  /// the field's errors appear under it.
  public static func select(
    _ name: String, label: String, options: [(value: String, label: String)], state: FormState,
    localizer: Localizer, selected: String? = nil
  ) -> HTML {
    let errors = state.errors(for: name)
    let current = state.values[name] ?? selected ?? ""
    return HTML.div(.class("mb-3")) {
      HTML.label(.class("form-label"), .for("field-\(name)")) { label }
      HTML.select(
        .class("form-select", errors.isEmpty ? "" : "is-invalid"), .id("field-\(name)"),
        .name(name), .aria("invalid", errors.isEmpty ? "false" : "true")
      ) {
        for option in options {
          HTML.option(.value(option.value), .selected(option.value == current)) { option.label }
        }
      }
      for error in errors {
        HTML.div(.class("invalid-feedback")) { localizer.message(for: error) }
      }
    }
  }

  /// A labelled multi-line text field.
  public static func textarea(
    _ name: String, label: String, state: FormState, localizer: Localizer, rows: Int = 3,
    required: Bool = false
  ) -> HTML {
    let errors = state.errors(for: name)
    return HTML.div(.class("mb-3")) {
      HTML.label(.class("form-label"), .for("field-\(name)")) { label }
      HTML.textarea(
        .class("form-control", errors.isEmpty ? "" : "is-invalid"), .id("field-\(name)"),
        .name(name), .rows(rows), .required(required),
        .aria("invalid", errors.isEmpty ? "false" : "true")
      ) { state.values[name] ?? "" }
      for error in errors {
        HTML.div(.class("invalid-feedback")) { localizer.message(for: error) }
      }
    }
  }

  /// A labelled check box sending `1` when ticked.
  public static func checkbox(_ name: String, label: String, isChecked: Bool) -> HTML {
    HTML.div(.class("form-check", "mb-2")) {
      HTML.input(
        .class("form-check-input"), .type("checkbox"), .name(name), .value("1"),
        .id("field-\(name)"), .checked(isChecked))
      HTML.label(.class("form-check-label"), .for("field-\(name)")) { label }
    }
  }
}
