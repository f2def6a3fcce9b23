#!/usr/bin/env python3
"""The order that bench/orders and bench/orders-instructions create: customer CUSTOMER_ID,
LTL from Shanghai to Shenzhen with time windows two days ahead, three cargo lines. Prints its
JSON body."""
import json
import sys
import time

customer = int(sys.argv[1])
day = (int(time.time()) // 86400 + 2) * 86400000
hour = 3600000
line = {"description": "服装", "packages": 2, "weight_kg": 20, "volume_m3": 0.05}
body = {
    "customer_id": customer,
    "contact_name": "李女士",
    "service_type": "ltl",
    "stops": [
        {"kind": "pickup", "region": "上海市/浦东新区", "address": "张江路 88 号",
         "contact_name": "王师傅", "contact_phone": "13800001111",
         "windows": [{"start": day + hour, "end": day + 4 * hour}]},
        {"kind": "delivery", "region": "广东省/深圳市", "address": "南山区科技园 1 号",
         "contact_name": "陈先生", "contact_phone": "13912345678",
         "windows": [{"start": day + 25 * hour, "end": day + 28 * hour}]},
    ],
    "cargo": [line, line, line],
}
print(json.dumps(body, ensure_ascii=False))
