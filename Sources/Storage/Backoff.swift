/// The pause before retry number `attempt` (1 for the first retry): `base` doubled for each
/// earlier retry, never more than `maximum`. Shared by transactions, outbox and jobs.
func exponentialBackoffMilliseconds(attempt: Int, base: Int, maximum: Int) -> Int {
  let exponent = min(max(attempt - 1, 0), 30)
  let (delay, overflow) = base.multipliedReportingOverflow(by: 1 << exponent)
  return overflow ? maximum : min(delay, maximum)
}
