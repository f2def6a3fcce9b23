#!/usr/bin/env python3
"""Copies one order COUNT times for bench/orders: seed_orders.py DATABASE_URL ORDER_ID COUNT.

The copies belong to the same customer, with new ids and waybill numbers and creation times
going back one second each, so one customer ends up with COUNT more orders. Rows are written
straight into the `orders` table (the list benchmark measures reading, not writing); the
column list is read from the database, so the script follows the schema."""
import sqlite3
import subprocess
import sys

url, order_id, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
replaced = {
    "id": "o.id + n.i",
    "waybill": "o.waybill || '-B' || n.i",
    "created_at": "o.created_at - n.i * 1000",
    "updated_at": "o.updated_at - n.i * 1000",
}


def select_list(columns):
    return ", ".join(replaced.get(c, "o." + c) for c in columns)


if url.startswith("sqlite:"):
    db = sqlite3.connect(url[len("sqlite:"):])
    columns = [row[1] for row in db.execute("PRAGMA table_info(orders)")]
    db.execute("BEGIN")
    db.execute(
        f"""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO orders ({", ".join(columns)})
        SELECT {select_list(columns)} FROM orders o, n WHERE o.id = ?""",
        (count, order_id),
    )
    db.commit()
    db.execute("ANALYZE")
    db.close()
else:
    listed = subprocess.run(
        ["psql", url, "-Atc",
         "SELECT column_name FROM information_schema.columns "
         "WHERE table_name = 'orders' ORDER BY ordinal_position"],
        check=True, capture_output=True, text=True)
    columns = listed.stdout.split()
    sql = f"""INSERT INTO orders ({", ".join(columns)})
        SELECT {select_list(columns)} FROM orders o, generate_series(1, {count}) AS n(i)
        WHERE o.id = {order_id}; ANALYZE orders;"""
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True)
