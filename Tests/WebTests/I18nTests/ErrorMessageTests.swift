import FreightdeskCore
import Testing
import Web

@Suite struct ErrorMessageTests {
  struct UnknownField: UserFacingError {
    var code: String { "unknown_field" }
    var kind: ErrorKind { .invalidInput }
    var arguments: [String: String] { ["field": "weight_kg"] }
  }

  /// An error quoting a code (the status of a quote) that people should read as words.
  struct QuoteNotOpen: UserFacingError {
    var code: String { "quote_not_open" }
    var kind: ErrorKind { .conflict }
    var arguments: [String: String] { ["status": "accepted"] }
    var argumentLabelKeys: [String: String] { ["status": "quotes.status.accepted"] }
  }

  @Test func codesAmongTheArgumentsAreShownAsWordsEverywhereTheMessageIsShown() {
    let chinese = Localizer(locale: .simplifiedChinese)
    #expect(chinese.message(for: QuoteNotOpen()) == "报价当前状态为「已接受」，不能再操作。")
    let problem = ProblemDetails(
      QuoteNotOpen(), status: 409, instance: "/", requestID: "r", locale: .english,
      translations: .bundled)
    #expect(problem.detail == "The quote is Accepted and can no longer be changed.")
    let form = FormState(form: FormBody(fields: []), error: QuoteNotOpen())
    let shown = FormControls.formErrors(form, localizer: chinese).render()
    #expect(shown.contains("「已接受」"))
  }

  @Test func userFacingErrorsAreTranslatedByCodeWithTheirArguments() {
    #expect(
      Localizer(locale: .simplifiedChinese).message(for: UnknownField())
        == "无法识别的字段：weight_kg。")
    #expect(Localizer(locale: .english).message(for: UnknownField()) == "Unknown field: weight_kg.")
  }

  @Test func validationFailuresAndTheirFieldRulesAreTranslated() {
    let failure = ValidationFailure(pointer: "/name", code: "too_long", arguments: ["max": "20"])
    let localizer = Localizer(locale: .simplifiedChinese)
    #expect(localizer.message(for: failure) == "提交的内容有误，请按提示修改后重试。")
    #expect(failure.fieldErrors.map(localizer.message(for:)) == ["最多 20 个字符。"])
    let english = Localizer(locale: .english)
    #expect(english.message(for: failure.fieldErrors[0]) == "Must be at most 20 characters.")
  }

  @Test func aCodeWithoutAMessageShowsItsKeySoTheGapIsVisible() {
    let rule = FieldError(pointer: "/tax_id", code: "rule_nobody_wrote")
    #expect(Localizer(locale: .english).message(for: rule) == "rule.rule_nobody_wrote")
  }
}
