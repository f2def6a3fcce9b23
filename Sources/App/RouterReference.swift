import Synchronization
import Web

/// The finished router, handed to routes that describe the whole registry (OpenAPI, the API
/// reference) and therefore can only read it after every module registered.
final class RouterReference: Sendable {
  private let stored = Mutex<Router?>(nil)

  func set(_ router: Router) {
    stored.withLock { $0 = router }
  }

  var router: Router {
    guard let router = stored.withLock({ $0 }) else {
      preconditionFailure("the router is read only after it is built")
    }
    return router
  }
}
