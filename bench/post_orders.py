#!/usr/bin/env python3
"""Creates COUNT orders over CONNECTIONS keep-alive connections to 127.0.0.1:PORT, each with its
own Idempotency-Key (PREFIX-n), the body read from BODY_FILE; exits 1 unless every answer was
201. For bench/orders-instructions, which needs an exact number of orders rather than wrk's
fixed duration."""
import http.client
import sys
import threading

port, token, body_file, count, connections, prefix = sys.argv[1:7]
count, connections = int(count), int(connections)
body = open(body_file, "rb").read()
lock = threading.Lock()
issued = 0
failures = []


def create_orders():
    global issued
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=600)
    while True:
        with lock:
            if issued >= count:
                return
            issued += 1
            key = f"{prefix}-{issued}"
        connection.request("POST", "/api/v1/orders", body, {
            "Authorization": "Bearer " + token, "Content-Type": "application/json",
            "Idempotency-Key": key})
        answer = connection.getresponse()
        text = answer.read()
        if answer.status != 201:
            with lock:
                failures.append(f"{answer.status} {text[:200]!r}")


threads = [threading.Thread(target=create_orders) for _ in range(connections)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
if failures:
    print(f"post_orders: {len(failures)} of {count} failed, first: {failures[0]}", file=sys.stderr)
    sys.exit(1)
