import FreightdeskCore
import Testing

@testable import Identity

@Suite struct PasswordPolicyTests {
  private let policy = PasswordPolicy()
  private let nobody = PasswordIdentity(login: "x")

  @Test(arguments: [
    "correct horse battery staple", "Tr0ub4dor&3x", "kL9#mQ2vXw", "货车明早六点出发去上海",
    "zhangwei1987!", "x8472916", "lightning-fast truck",
  ])
  func goodPasswordsPass(password: String) {
    #expect(policy.issues(with: password, for: nobody) == [])
  }

  @Test func lengthCountsCharactersNotBytes() {
    #expect(policy.issues(with: "货车明早出发吧", for: nobody) == [.tooShort(charactersMin: 8)])
    #expect(policy.issues(with: "货车明早六点出发", for: nobody) == [])
  }

  @Test func passwordsOverTheByteLimitAreTooLong() {
    let limit = IdentityLimits.passwordBytesMax
    let text = (0..<limit).map { String($0 % 7) }.joined()
    #expect(!policy.issues(with: text, for: nobody).contains(.tooLong(bytesMax: limit)))
    #expect(policy.issues(with: text + "x", for: nobody) == [.tooLong(bytesMax: limit)])
  }

  @Test(arguments: [
    "123456789", "1234567890", "password", "PASSWORD1", "qwerty123", "11111111", "iloveyou",
    "a1234567", "woaini1314", "5201314a", "1qaz2wsx", "88888888", "00000000", "zxcvbnm,.",
    "admin123", "Admin2024!", "passw0rd", "P@ssw0rd2024!", "abcd1234", "ＰＡＳＳＷＯＲＤ１２３",
    "我爱你我爱你我爱你", "密码12345678",
  ])
  func commonPasswordsAreRefused(password: String) {
    #expect(policy.issues(with: password, for: nobody).contains(.tooCommon))
  }

  @Test(arguments: [
    "aaaaaaaaaa", "abcdefghij", "87654321", "zyxwvuts", "7890123456", "qwertyuiop",
    "asdfghjkl;", "!qaz@wsx#edc", "poiuytrewq", "abcabcabc", "woaiwoai", "xy9!xy9!",
    "dragondragon", "19900101", "ab20240229", "qwe123456",
  ])
  func passwordsBuiltOnPatternsAreRefused(password: String) {
    #expect(policy.issues(with: password, for: nobody) == [.tooCommon])
  }

  @Test func passwordsContainingTheLoginAreRefused() {
    let identity = PasswordIdentity(login: "zhangwei")
    #expect(policy.issues(with: "ZhangWei-trucks", for: identity) == [.containsIdentity])
  }

  @Test func passwordsContainingTheEmailLocalPartAreRefusedWithOrWithoutSeparators() {
    let identity = PasswordIdentity(login: "zw", email: "wei.zhang@shunda.cn")
    #expect(policy.issues(with: "my wei.zhang key", for: identity) == [.containsIdentity])
    #expect(policy.issues(with: "WeiZhang88!x", for: identity) == [.containsIdentity])
    #expect(policy.issues(with: "shunda.cn trucks", for: identity) == [])
  }

  @Test func passwordsContainingTheCompanyNameAreRefused() {
    let identity = PasswordIdentity(login: "li", companyShortName: "顺达物流")
    #expect(policy.issues(with: "顺达物流的安全钥匙", for: identity) == [.containsIdentity])
  }

  @Test func aLoginWrittenAsAnEmailAddressIsLookedForByItsLocalPart() {
    let identity = PasswordIdentity(login: "fang.li@shunda.cn")
    #expect(policy.issues(with: "fangli-route-42", for: identity) == [.containsIdentity])
  }

  @Test func veryShortNamesAreNotLookedFor() {
    let identity = PasswordIdentity(login: "li", email: "li@shunda.cn", companyShortName: "顺达")
    #expect(policy.issues(with: "lightning 顺达 truck", for: identity) == [])
  }

  @Test func everyBrokenRuleIsReportedInOrder() {
    let identity = PasswordIdentity(login: "abc1")
    #expect(
      policy.issues(with: "abc1", for: identity) == [
        .tooShort(charactersMin: 8), .tooCommon, .containsIdentity,
      ])
  }

  @Test func validationReportsFieldErrorsAtThePointer() {
    let identity = PasswordIdentity(login: "wang")
    #expect(
      throws: ValidationFailure([
        FieldError(pointer: "/new_password", code: "password_too_short", arguments: ["min": "8"]),
        FieldError(pointer: "/new_password", code: "password_contains_identity"),
      ])
    ) {
      try policy.validate("wang123", for: identity, pointer: "/new_password")
    }
    #expect(throws: Never.self) { try policy.validate("货车明早六点出发", for: identity) }
  }

  @Test func issuesHaveStableCodesAndArguments() {
    #expect(PasswordIssue.tooShort(charactersMin: 8).code == "password_too_short")
    #expect(PasswordIssue.tooLong(bytesMax: 1_024).arguments == ["max": "1024"])
    #expect(PasswordIssue.tooCommon.code == "password_too_common")
    #expect(
      PasswordIssue.containsIdentity.fieldError(at: "/password").code
        == "password_contains_identity")
  }
}
