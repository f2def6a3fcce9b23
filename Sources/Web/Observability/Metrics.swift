import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Request counts and a latency histogram by route, method and status, rendered in the
/// Prometheus text format at `/metrics`.
public final class Metrics: Sendable {
  /// Upper bounds of the latency buckets, in seconds: finer between 10 and 100 ms, where
  /// writes under load answer and where the latency targets lie (a p99 under 20 ms is read off
  /// the 20 ms bucket, not interpolated between 10 and 25 ms).
  public static let bucketBoundsSeconds: [Double] = [
    0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075,
    0.1, 0.25, 0.5, 1, 2.5, 5, 10,
  ]

  private struct SeriesKey: Hashable {
    let route: String
    let method: String
    let status: Int
  }

  private struct Series {
    var bucketCounts = [UInt64](repeating: 0, count: Metrics.bucketBoundsSeconds.count)
    var count: UInt64 = 0
    var sumSeconds: Double = 0

    mutating func record(_ seconds: Double, bucket: Int?) {
      count += 1
      sumSeconds += seconds
      if let bucket { bucketCounts[bucket] += 1 }
    }

    mutating func add(_ other: Series) {
      count += other.count
      sumSeconds += other.sumSeconds
      for index in bucketCounts.indices { bucketCounts[index] += other.bucketCounts[index] }
    }
  }

  /// Counters are split over shards picked by thread, so worker threads rarely wait on each
  /// other; a scrape adds the shards up.
  private static let shardCount = 16
  private let shards = (0..<Metrics.shardCount).map { _ in Shard() }

  private final class Shard: Sendable {
    let series = Mutex<[SeriesKey: Series]>([:])
  }
  private let collectors = Mutex<[@Sendable () -> String]>([])

  /// Creates empty metrics.
  public init() {}

  /// Counts one answered request.
  public func record(route: String, method: String, status: Int, durationSeconds: Double) {
    let key = SeriesKey(route: route, method: method, status: status)
    let bucket = Self.bucketBoundsSeconds.firstIndex { durationSeconds <= $0 }
    // Thread handles are addresses a few megabytes apart; a multiplicative hash spreads them.
    let shard = Int((UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15) >> 60) % Self.shardCount
    shards[shard].series.withLock { all in
      all[key, default: Series()].record(durationSeconds, bucket: bucket)
    }
  }

  /// Adds a source of further metric families (database pool, server, build info), called on
  /// every scrape; it returns complete lines in the text format.
  public func addCollector(_ collector: @escaping @Sendable () -> String) {
    collectors.withLock { $0.append(collector) }
  }

  /// Every metric in Prometheus text format (version 0.0.4).
  public func render() -> String {
    collectors.withLock { $0 }.reduce(renderRequests()) { $0 + $1() }
  }

  /// The request metrics in Prometheus text format.
  func renderRequests() -> String {
    var merged: [SeriesKey: Series] = [:]
    for shard in shards {
      for (key, entry) in shard.series.withLock({ $0 }) {
        merged[key, default: Series()].add(entry)
      }
    }
    let snapshot = merged.sorted {
      ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status)
    }
    var out = "# HELP freightdesk_http_requests_total Requests answered.\n"
    out += "# TYPE freightdesk_http_requests_total counter\n"
    for (key, entry) in snapshot {
      out += "freightdesk_http_requests_total{\(labels(key))} \(entry.count)\n"
    }
    out += "# HELP freightdesk_http_request_duration_seconds Time to answer a request.\n"
    out += "# TYPE freightdesk_http_request_duration_seconds histogram\n"
    for (key, entry) in snapshot {
      var cumulative: UInt64 = 0
      for (index, bound) in Self.bucketBoundsSeconds.enumerated() {
        cumulative += entry.bucketCounts[index]
        out +=
          "freightdesk_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} "
          + "\(cumulative)\n"
      }
      out +=
        "freightdesk_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} "
        + "\(entry.count)\n"
      out += "freightdesk_http_request_duration_seconds_sum{\(labels(key))} \(entry.sumSeconds)\n"
      out += "freightdesk_http_request_duration_seconds_count{\(labels(key))} \(entry.count)\n"
    }
    return out
  }

  private func labels(_ key: SeriesKey) -> String {
    "route=\(Self.labelValue(key.route)),method=\"\(key.method)\",status=\"\(key.status)\""
  }

  /// A label value quoted and escaped as the text format requires.
  public static func labelValue(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
