"""Orders through a real browser, on the demo company the test server starts with: the
portal user places an order and follows it; staff find it in the order list and confirm it."""

import os
import unittest
from datetime import datetime, timedelta

from selenium.webdriver.common.by import By

from freightdesk_browser import CATALOGS, CHINESE, BrowserTestCase

DEMO_SLUG = "demo"
DEMO_PASSWORD = os.environ.get("FREIGHTDESK_DEMO_PASSWORD", "")


@unittest.skipUnless(DEMO_PASSWORD, "the server under test has no demo company")
class PortalOrderTests(BrowserTestCase):
    """The customer portal: instant price, placing an order, following it; then the staff side."""

    def set_field(self, name: str, value: str):
        """Puts `value` into the field `name`; date-time pickers take it through script, as
        typing into them depends on the browser's locale."""
        field = self.driver.find_element(By.NAME, name)
        if field.get_attribute("type") == "datetime-local":
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field,
                value,
            )
        else:
            field.clear()
            field.send_keys(value)

    def test_portal_user_places_an_order_that_staff_then_confirm(self):
        """The demo's portal user prices and places an order, lands on its tracking page with
        the waybill number and a link to its waybill PDF, and finds it under their orders; the
        owner then sees it in the staff list and confirms it, and the customer sees the new
        status."""
        self.log_in(DEMO_SLUG, "customer", DEMO_PASSWORD)
        self.wait_for_path("/portal")
        self.open("/portal/orders/new")
        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "orders.portal.place"))
        day = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d")
        following = (datetime.now() + timedelta(days=3)).strftime("%Y-%m-%d")
        for name, value in {
            "stops/0/region": "上海市/浦东新区",
            "stops/0/address": "张江路 88 号",
            "stops/0/contact_phone": "13800001111",
            "stops/0/windows/0/start": f"{day}T09:00",
            "stops/0/windows/0/end": f"{day}T12:00",
            "stops/1/region": "广东省/深圳市",
            "stops/1/address": "南山区科技园 1 号",
            "stops/1/contact_phone": "13912345678",
            "stops/1/windows/0/start": f"{following}T14:00",
            "stops/1/windows/0/end": f"{following}T18:00",
            "cargo/0/description": "服装",
            "cargo/0/packages": "3",
            "cargo/0/weight_kg": "45",
        }.items():
            self.set_field(name, value)
        total = self.driver.find_element(By.CSS_SELECTOR, "[data-order-price-total]")
        self.wait_until(lambda _: total.text.startswith("¥"), "the instant price never showed")
        self.screenshot("portal-new-order-zh")
        self.press(CATALOGS.text(CHINESE, "orders.portal.submit"))

        self.wait_until(
            lambda _: self.path().startswith("/portal/orders/")
            and self.path() != "/portal/orders/new",
            "placing the order did not open its page",
        )
        order_path = self.path()
        placed = [text for text in self.flashes() if "TO" in text]
        self.assertEqual(len(placed), 1, self.flashes())
        waybill = next(word for word in placed[0].split() if word.startswith("TO"))
        self.assertIn(CATALOGS.text(CHINESE, "orders.status.submitted"), self.main_text())
        self.screenshot("portal-order-tracking-zh")
        download = self.driver.find_element(
            By.LINK_TEXT, CATALOGS.text(CHINESE, "orders.waybill.download")
        )
        self.assertTrue(download.get_attribute("href").endswith(f"{order_path}/waybill.pdf"))
        status, media_type, head = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done("
            "[r.status, r.headers.get('content-type'),"
            " String.fromCharCode(...new Uint8Array(b.slice(0, 5)))])));",
            download.get_attribute("href"),
        )
        self.assertEqual((status, media_type, head), (200, "application/pdf", "%PDF-"))
        self.open("/portal/orders")
        self.assertTrue(any(waybill in row for row in self.table_rows()), self.table_rows())
        self.log_out()

        self.log_in(DEMO_SLUG, "owner", DEMO_PASSWORD)
        self.wait_for_path("/app")
        self.open("/app/orders?status=submitted")
        rows = [row for row in self.table_rows() if waybill in row]
        self.assertEqual(len(rows), 1, self.table_rows())
        self.screenshot("staff-order-list-zh")
        link = self.driver.find_element(By.PARTIAL_LINK_TEXT, waybill)
        self._leave_page(link, f"opening {waybill}")
        self.press(CATALOGS.text(CHINESE, "orders.action.confirm"))
        self.assertTrue(
            any(
                CATALOGS.text(CHINESE, "orders.status.confirmed") in text
                or CATALOGS.text(CHINESE, "orders.status.on_hold") in text
                for text in self.flashes()
            ),
            self.flashes(),
        )
        self.screenshot("staff-order-detail-zh")
        self.log_out()

        self.log_in(DEMO_SLUG, "customer", DEMO_PASSWORD)
        self.wait_for_path("/portal")
        self.open(order_path)
        badge = self.driver.find_element(By.CSS_SELECTOR, "main .badge").text
        self.assertIn(
            badge,
            (
                CATALOGS.text(CHINESE, "orders.status.confirmed"),
                CATALOGS.text(CHINESE, "orders.status.on_hold"),
            ),
        )


if __name__ == "__main__":
    unittest.main()
