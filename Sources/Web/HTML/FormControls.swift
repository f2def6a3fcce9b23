public import FreightdeskCore

/// What a form shows again after a failed post: the values typed and the rules broken, by
/// field name (the JSON-Pointer `/name` of a field error is the field `name`).
public struct FormState: Sendable {
  /// Values by field name.
  public var values: [String: String]
  /// Broken rules.
  public var errors: [FieldError]

  /// An empty form, or one filled with `values`.
  public init(values: [String: String] = [:], errors: [FieldError] = []) {
    self.values = values
    self.errors = errors
  }

  /// The state of a posted form that failed with `error`: field errors go to their fields;
  /// any other error becomes a form-wide message.
  public init(form: FormBody, error: any UserFacingError) {
    var values: [String: String] = [:]
    for (name, value) in form.fields where !name.contains("password") && name != "csrf_token" {
      values[name] = value
    }
    self.values = values
    errors =
      error.fieldErrors.isEmpty
      ? [
        FieldError(
          pointer: "", code: error.code, arguments: error.arguments,
          argumentLabelKeys: error.argumentLabelKeys)
      ]
      : error.fieldErrors
  }

  /// The errors for field `name`.
  public func errors(for name: String) -> [FieldError] {
    errors.filter { $0.pointer == "/" + name }
  }

  /// Errors not tied to a field shown on this form (e.g. wrong credentials).
  public var formErrors: [FieldError] {
    errors.filter { $0.pointer.isEmpty }
  }
}

/// Bootstrap form pieces that show a field's value and its translated errors, so every form
/// reads and behaves the same.
public enum FormControls {
  /// The hidden CSRF field.
  public static func csrf(_ token: String?) -> HTML {
    HTML.input(.type("hidden"), .name("csrf_token"), .value(token ?? ""))
  }

  /// A labelled input; its errors appear under it and mark it invalid for assistive tech.
  public static func field(
    _ name: String, label: String, state: FormState, localizer: Localizer,
    type: String = "text", required: Bool = true, autocomplete: String = "off",
    help: String? = nil
  ) -> HTML {
    let errors = state.errors(for: name)
    let id = "field-\(name)"
    return HTML.div(.class("mb-3")) {
      HTML.label(.class("form-label"), .for(id)) { label }
      HTML.input(
        .type(type), .class("form-control", errors.isEmpty ? "" : "is-invalid"), .id(id),
        .name(name), .value(type == "password" ? "" : state.values[name] ?? ""),
        .required(required), .autocomplete(autocomplete),
        .aria("invalid", errors.isEmpty ? "false" : "true"))
      if let help {
        HTML.div(.class("form-text")) { help }
      }
      for error in errors {
        HTML.div(.class("invalid-feedback")) { localizer.message(for: error) }
      }
    }
  }

  /// The form-wide errors as one alert, or nothing.
  public static func formErrors(_ state: FormState, localizer: Localizer) -> HTML {
    HTML.group {
      if !state.formErrors.isEmpty {
        HTML.div(.class("alert", "alert-danger"), .role("alert")) {
          for error in state.formErrors {
            HTML.div { localizer.formMessage(for: error) }
          }
        }
      }
    }
  }

  /// A submit button.
  public static func submit(_ label: String, style: String = "btn-primary") -> HTML {
    HTML.button(.type("submit"), .class("btn", style)) { label }
  }
}
