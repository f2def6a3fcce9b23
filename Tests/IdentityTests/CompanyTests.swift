import Foundation
import FreightdeskCore
import Testing

@testable import Identity

@Suite struct CompanyTests {
  private func company(trialEndsAt: Instant?) -> Company {
    Company(
      tenant: TenantID(Identifier(rawValue: 1)), slug: "demo", name: "示例物流有限公司",
      shortName: "示例物流", creditCode: nil, address: "", taxpayerKind: .general,
      timeZone: .shanghai, defaultLocale: "zh-CN", trialEndsAt: trialEndsAt,
      trialExtended: false, twoFactorRequired: false, version: 1)
  }

  @Test func aTrialCountsWholeDaysLeftAndEndsReadOnly() {
    let now = Instant(epochMilliseconds: 1_796_342_400_000)
    let trial = company(trialEndsAt: now.adding(seconds: 15 * 86_400))
    #expect(trial.trialDaysLeft(at: now) == 15)
    #expect(trial.trialDaysLeft(at: now.adding(seconds: 14 * 86_400 + 1)) == 1)
    #expect(!trial.isReadOnly(at: now.adding(seconds: 15 * 86_400 - 1)))
    #expect(trial.isReadOnly(at: now.adding(seconds: 15 * 86_400)))
    #expect(trial.trialDaysLeft(at: now.adding(seconds: 20 * 86_400)) == 0)
  }

  @Test func aCompanyWithoutTrialIsNeverReadOnly() {
    let paid = company(trialEndsAt: nil)
    #expect(!paid.isReadOnly(at: Instant(epochMilliseconds: .max / 2)))
    #expect(paid.trialDaysLeft(at: Instant(epochMilliseconds: 0)) == nil)
  }

  @Test(arguments: [
    ("demo", true), ("ab", false), ("-demo", false), ("demo-", false), ("Demo", false),
    ("shanghai-freight-2026", true), ("示例", false),
  ])
  func companyCodesAreShortLowerCaseWords(slug: String, valid: Bool) {
    let registration = Registration(
      slug: slug, companyName: "示例物流有限公司", ownerLogin: "owner", ownerName: "张三",
      ownerPassword: "x")
    #expect(registration.problems().contains { $0.pointer == "/slug" } == !valid)
  }
}
