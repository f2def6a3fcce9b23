import Foundation
import Synchronization

/// Runs a unit of work repeatedly on dedicated `Thread`s (not Swift concurrency, because the
/// work blocks on the database): as long as a pass finds work it runs again at once;
/// otherwise it sleeps until the database's ``WorkSignal`` fires or the poll interval passes,
/// and then, when it has a gathering pause, waits that long more so that a burst of commits
/// is handled in one pass instead of one pass per commit.
final class BackgroundWorker: Sendable {
  private let name: String
  private let signal: WorkSignal
  private let pollIntervalMilliseconds: Int
  private let gatherMilliseconds: Int
  private let state = Mutex(State())
  private let exited = DispatchSemaphore(value: 0)

  private struct State {
    var threads = 0
    var stopping = false
  }

  /// Creates a worker with no threads yet; after a wake-up it pauses `gatherMilliseconds`
  /// before its next pass.
  init(name: String, signal: WorkSignal, pollIntervalMilliseconds: Int, gatherMilliseconds: Int = 0)
  {
    self.name = name
    self.signal = signal
    self.pollIntervalMilliseconds = pollIntervalMilliseconds
    self.gatherMilliseconds = gatherMilliseconds
  }

  /// Starts `threads` more threads, each calling `pass` (one round of work, returning
  /// whether it found any) until ``stop()``; a pass that throws goes to `reportError` and
  /// counts as finding nothing.
  func start(
    threads: Int, reportError: @escaping @Sendable (any Error) -> Void,
    pass: @escaping @Sendable () throws -> Bool
  ) {
    precondition(threads > 0, "start at least one thread")
    state.withLock { $0.threads += threads }
    for index in 0..<threads {
      let thread = Thread { [self] in
        loop {
          do {
            return try pass()
          } catch {
            reportError(error)
            return false
          }
        }
      }
      thread.name = "\(name)-\(index)"
      thread.start()
    }
  }

  /// Asks every thread to finish its current pass and waits until all have exited.
  func stop() {
    let threads = state.withLock { state in
      state.stopping = true
      return state.threads
    }
    signal.notify()
    for _ in 0..<threads { exited.wait() }
    state.withLock { $0 = State() }
  }

  private func loop(_ pass: () -> Bool) {
    while !state.withLock({ $0.stopping }) {
      let generation = signal.generation
      if !pass() && !state.withLock({ $0.stopping }),
        signal.wait(after: generation, milliseconds: pollIntervalMilliseconds),
        gatherMilliseconds > 0, !state.withLock({ $0.stopping })
      {
        Thread.sleep(forTimeInterval: Double(gatherMilliseconds) / 1000)
      }
    }
    exited.signal()
  }
}
