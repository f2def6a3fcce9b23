import Synchronization
import Web

/// The finished router, handed to routes that describe the whole registry (OpenAPI, the API
/// reference) and therefore can only read it after every module registered.
final class RouterReference: Sendable {
  private final class Box: Sendable {
    let router: Router

    init(_ router: Router) {
      self.router = router
    }
  }

  private let stored = AtomicLazyReference<Box>()

  func set(_ router: Router) {
    _ = stored.storeIfNil(Box(router))
  }

  var router: Router {
    guard let box = stored.load() else {
      preconditionFailure("the router is read only after it is built")
    }
    return box.router
  }
}
