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
///
/// A job goes straight to a sleeping thread when there is one: the submitter takes the thread
/// off the idle list and wakes it with the job in hand, outside the lock. With one condition
/// variable instead, every woken thread first had to take the lock back from the threads
/// submitting and finishing around it, and a group commit that woke thirty requests at once
/// left them queueing on that lock (a tenth of the processor time of creating orders went to
/// those lock waits and wake-ups).
final class HandlerThreads: @unchecked Sendable {
  /// One thread's mailbox: the job it was handed while asleep, or none when it is to stop.
  private final class Mailbox: @unchecked Sendable {
    let wake = DispatchSemaphore(value: 0)
    /// Written by the submitter before `wake` is signalled, read by the thread after.
    var job: (@Sendable () -> Void)?
  }

  private let lock = NSLock()
  private let exited = DispatchGroup()
  // Guarded by `lock`.
  private var queue: [@Sendable () -> Void] = []
  private var head = 0
  private var idle: [Mailbox] = []
  private var stopping = false

  /// Starts `count` threads named `name`.
  init(count: Int, name: String) {
    precondition(count >= 1, "at least one handler thread")
    for _ in 0..<count {
      exited.enter()
      let mailbox = Mailbox()
      let thread = Thread { [self] in
        while let job = next(for: mailbox) { job() }
        exited.leave()
      }
      thread.name = name
      thread.start()
    }
  }

  /// Hands `job` to a sleeping thread, or queues it when all are busy; false (and nothing
  /// queued) once ``stop()`` was called, so the caller runs it itself.
  func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
    lock.lock()
    if stopping {
      lock.unlock()
      return false
    }
    guard let mailbox = idle.popLast() else {
      queue.append(job)
      lock.unlock()
      return true
    }
    lock.unlock()
    mailbox.job = job
    mailbox.wake.signal()
    return true
  }

  /// Runs what is queued, then ends the threads and waits for them.
  func stop() {
    lock.lock()
    stopping = true
    let sleeping = idle
    idle = []
    lock.unlock()
    for mailbox in sleeping { mailbox.wake.signal() }
    exited.wait()
  }

  /// The oldest queued job, else the job handed to this thread once it slept; nil once
  /// stopping and nothing is left.
  private func next(for mailbox: Mailbox) -> (@Sendable () -> Void)? {
    lock.lock()
    if head < queue.count {
      let job = queue[head]
      head += 1
      // Taken jobs are dropped in bulk, so that taking one costs nothing and a queue that
      // never empties does not keep them.
      if head == queue.count || head >= 64 && head * 2 >= queue.count {
        queue.removeFirst(head)
        head = 0
      }
      lock.unlock()
      return job
    }
    if stopping {
      lock.unlock()
      return nil
    }
    // Last in, first out: the thread that slept least has the warmest caches.
    idle.append(mailbox)
    lock.unlock()
    mailbox.wake.wait()
    defer { mailbox.job = nil }
    return mailbox.job
  }
}
