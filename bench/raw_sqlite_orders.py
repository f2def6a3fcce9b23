#!/usr/bin/env python3
"""The reference for bench/orders: a raw SQLite loop writing what one order writes (the order,
three cargo lines, an event, an audit row, an outbox row and an idempotency record), one
durable transaction per order (WAL, synchronous=FULL), for SECONDS seconds; prints orders/s in
bench/orders' table format. No HTTP, no JSON, no validation: the ceiling of one writer that
commits each order alone."""
import os
import sqlite3
import sys
import tempfile
import time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5
with tempfile.TemporaryDirectory() as directory:
    db = sqlite3.connect(os.path.join(directory, "raw.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    for table in ("orders", "cargo", "events", "audit", "outbox", "idempotency"):
        db.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, owner INTEGER, body TEXT)")
    payload = "x" * 400
    started = time.monotonic()
    orders = 0
    while time.monotonic() - started < seconds:
        orders += 1
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO orders VALUES (?, 1, ?)", (orders, payload))
        for line in range(3):
            db.execute("INSERT INTO cargo VALUES (?, ?, ?)", (orders * 4 + line, orders, payload))
        for table in ("events", "audit", "outbox", "idempotency"):
            db.execute(f"INSERT INTO {table} VALUES (?, ?, ?)", (orders, orders, payload))
        db.execute("COMMIT")
    elapsed = time.monotonic() - started
    print(f"{'raw':<10} {'SQLite loop, 1 writer':<26} {orders / elapsed:>12.0f} {'':>10} {'':>10}")
