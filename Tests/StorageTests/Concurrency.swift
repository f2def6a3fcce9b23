import Foundation
import Storage
import Synchronization

/// A closure threads can share and the test can drop, so that whatever it captured (a test
/// database) is released when the test says so, not whenever the threads are torn down.
private final class SharedClosure: Sendable {
  private let closure: Mutex<(@Sendable (Int) -> Void)?>

  init(_ closure: @escaping @Sendable (Int) -> Void) {
    self.closure = Mutex(closure)
  }

  func call(_ argument: Int) {
    closure.withLock { $0 }?(argument)
  }

  func drop() {
    closure.withLock { $0 = nil }
  }
}

/// Runs `body(thread)` on `threads` threads at once and waits for all of them.
func runConcurrently(threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
  let shared = SharedClosure(body)
  let finished = DispatchSemaphore(value: 0)
  for thread in 0..<threads {
    Thread {
      shared.call(thread)
      finished.signal()
    }.start()
  }
  for _ in 0..<threads { finished.wait() }
  shared.drop()
}

/// Runs `body` on a new thread and returns a function that waits for it to finish.
func startThread(_ body: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
  let shared = SharedClosure { _ in body() }
  let finished = DispatchSemaphore(value: 0)
  Thread {
    shared.call(0)
    finished.signal()
  }.start()
  return {
    finished.wait()
    shared.drop()
  }
}

/// Starts a write transaction on another thread and returns once it holds the write lock;
/// the returned function commits it and waits for the thread to finish.
func holdWriteTransaction(on database: any Database) -> @Sendable () -> Void {
  let holding = DispatchSemaphore(value: 0)
  let release = DispatchSemaphore(value: 0)
  let join = startThread {
    try? database.write { _ in
      holding.signal()
      release.wait()
    }
  }
  holding.wait()
  return {
    release.signal()
    join()
  }
}
