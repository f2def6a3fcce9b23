#!/usr/bin/env python3
"""Server-side latency of one route between two /metrics snapshots.

usage: server_latency.py BEFORE AFTER ROUTE METHOD STATUS

Prints the estimated median and 99th percentile, in milliseconds, of the requests the server
answered between the snapshots: the time from a request's arrival at the server to its answer,
without the time it waited in the network or the load generator. The server keeps a histogram
(freightdesk_http_request_duration_seconds), so each quantile is interpolated linearly inside
its bucket, as Prometheus's histogram_quantile does.
"""

import re
import sys

BUCKET = re.compile(
    r'^freightdesk_http_request_duration_seconds_bucket\{route="(?P<route>[^"]*)",'
    r'method="(?P<method>[^"]*)",status="(?P<status>[^"]*)",le="(?P<le>[^"]*)"\} (?P<n>\d+)$'
)


def buckets(path, route, method, status):
    """Cumulative counts by upper bound (seconds; +Inf as infinity) for one series."""
    counts = {}
    with open(path, encoding="utf-8") as snapshot:
        for line in snapshot:
            match = BUCKET.match(line.strip())
            if match and (match["route"], match["method"], match["status"]) == (
                route, method, status):
                bound = float("inf") if match["le"] == "+Inf" else float(match["le"])
                counts[bound] = int(match["n"])
    return counts


def quantile(q, bounds, cumulative):
    """The q-quantile of a cumulative histogram, interpolated inside its bucket."""
    total = cumulative[-1]
    if total == 0:
        return float("nan")
    rank = q * total
    lower, below = 0.0, 0
    for bound, count in zip(bounds, cumulative):
        if count >= rank:
            if bound == float("inf"):
                return lower
            inside = count - below
            return lower + (bound - lower) * ((rank - below) / inside if inside else 1.0)
        lower, below = bound, count
    return lower


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__.strip().splitlines()[2])
    before_path, after_path, route, method, status = sys.argv[1:]
    before = buckets(before_path, route, method, status)
    after = buckets(after_path, route, method, status)
    bounds = sorted(after)
    cumulative = [after[bound] - before.get(bound, 0) for bound in bounds]
    median = quantile(0.5, bounds, cumulative) * 1000
    p99 = quantile(0.99, bounds, cumulative) * 1000
    print(f"{median:.2f} {p99:.2f}")


if __name__ == "__main__":
    main()
