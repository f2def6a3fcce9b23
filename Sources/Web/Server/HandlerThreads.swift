import Foundation

/// A fixed set of threads that run requests which change data, in the order they arrive, off
/// libmicrohttpd's connection threads.
///
/// A connection thread serves every connection it accepted, one request at a time. A write
/// waits for its durable commit (several milliseconds while a group commit gathers and syncs),
/// and a connection thread that waited there left its other connections' requests unread
/// meanwhile: at 64 connections over 32 threads, creating orders had a p99 of 100–200 ms
/// while the server's own handling took under 25 ms. The server suspends such a connection,
/// hands the request to these threads and resumes the connection with the answer, so
/// connection threads only ever wait for the processor.
final class HandlerThreads: @unchecked Sendable {
  private let condition = NSCondition()
  private let exited = DispatchGroup()
  // Guarded by `condition`.
  private var queue: [@Sendable () -> Void] = []
  private var head = 0
  private var stopping = false

  /// Starts `count` threads named `name`.
  init(count: Int, name: String) {
    precondition(count >= 1, "at least one handler thread")
    for _ in 0..<count {
      exited.enter()
      let thread = Thread { [self] in
        serve()
        exited.leave()
      }
      thread.name = name
      thread.start()
    }
  }

  /// Queues `job`; false (and nothing queued) once ``stop()`` was called, so the caller runs
  /// it itself.
  func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if stopping { return false }
    queue.append(job)
    condition.signal()
    return true
  }

  /// Runs what is queued, then ends the threads and waits for them.
  func stop() {
    condition.lock()
    stopping = true
    condition.broadcast()
    condition.unlock()
    exited.wait()
  }

  private func serve() {
    while let job = next() { job() }
  }

  /// The oldest queued job; nil once stopping and nothing is left.
  private func next() -> (@Sendable () -> Void)? {
    condition.lock()
    defer { condition.unlock() }
    while head == queue.count {
      if stopping { return nil }
      condition.wait()
    }
    let job = queue[head]
    head += 1
    // Taken jobs are dropped in bulk, so that taking one costs nothing and a queue that never
    // empties does not keep them.
    if head == queue.count || head >= 64 && head * 2 >= queue.count {
      queue.removeFirst(head)
      head = 0
    }
    return job
  }
}
