"""Helpers for Freightdesk's real-browser tests.

The tests drive Debian's headless Chromium through Selenium against a server that
scripts/browser-tests starts on loopback and names in FREIGHTDESK_URL. Every text a test
expects comes from the product's own catalogs (Sources/Web/Resources/i18n), so a test fails
when a page shows the wrong words, and never because a translation was reworded.
"""

import base64
import os
import re
import secrets
import unittest
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

REPOSITORY = Path(__file__).resolve().parents[2]
CATALOG_DIRECTORY = REPOSITORY / "Sources" / "Web" / "Resources" / "i18n"
SCREENSHOT_DIRECTORY = Path(
    os.environ.get("FREIGHTDESK_SCREENSHOTS", REPOSITORY / ".build" / "browser-screenshots")
)
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"

# Longest wait for a page or an element; generous because the machine may be busy building.
WAIT_SECONDS = 20
# The free trial a new company gets (IdentityConfiguration.trialDays); right after sign-up
# the home page counts all of it as left.
TRIAL_DAYS = 15
# Wrong passwords for one account that lock it (IdentityLimits.loginFailuresPerAccountMax).
# All tests share one client address, which is locked after 20 failures within 15 minutes
# (loginFailuresPerAddressMax), so the whole suite must stay below that.
LOGIN_FAILURES_TO_LOCK = 5
# The first lock's length in seconds (IdentityLimits.loginLockSeconds).
FIRST_LOCK_SECONDS = 60

CHINESE = "zh-CN"
ENGLISH = "en"


class Catalogs:
    """The zh-CN and en message catalogs, read the way the server reads them.

    A catalog line is `key = text`; `#` lines and blank lines are skipped; `{name}` in a text
    is a placeholder the server fills in.
    """

    _PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")

    def __init__(self, directory: Path = CATALOG_DIRECTORY):
        """Reads `zh-CN.catalog` and `en.catalog` from `directory`."""
        self._entries = {
            locale: self._parse(directory / f"{locale}.catalog") for locale in (CHINESE, ENGLISH)
        }

    @staticmethod
    def _parse(path: Path) -> dict:
        """The key-to-text map of one catalog file."""
        entries = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.lstrip(" ")
            if not line or line.startswith("#"):
                continue
            key, text = line.split(" = ", 1)
            entries[key] = text.strip()
        return entries

    def text(self, locale: str, key: str, **arguments: str) -> str:
        """The text of `key` in `locale` with its placeholders filled from `arguments`."""
        template = self._entries[locale][key]
        return self._PLACEHOLDER.sub(
            lambda match: str(arguments.get(match.group(1), match.group(0))), template
        )

    def pattern(self, locale: str, key: str) -> "re.Pattern[str]":
        """A regular expression for the text of `key` whatever its placeholders hold; each
        placeholder becomes a named group, e.g. `retry_after` in `error.login_throttled`."""
        template = self._entries[locale][key]
        parts = []
        position = 0
        for match in self._PLACEHOLDER.finditer(template):
            parts.append(re.escape(template[position : match.start()]))
            parts.append(f"(?P<{match.group(1)}>.+?)")
            position = match.end()
        parts.append(re.escape(template[position:]))
        return re.compile("".join(parts))


CATALOGS = Catalogs()


@dataclass(frozen=True)
class Company:
    """A company to sign up and its owner's sign-in, unique per test so tests never share
    data and can run in any order against one server."""

    name: str
    slug: str
    owner_name: str
    owner_login: str
    password: str

    @classmethod
    def fresh(cls) -> "Company":
        """A new company with random codes and a password the policy accepts (long, not
        common, free of the login and the company name)."""
        suffix = secrets.token_hex(4)
        return cls(
            name=f"顺达物流{suffix}",
            slug=f"sd-{suffix}",
            owner_name="张伟",
            owner_login=f"zhang.wei.{suffix}",
            password=f"Lantern-{secrets.token_hex(6)}-harbour",
        )


def base_url() -> str:
    """The server under test, e.g. `http://127.0.0.1:41234`, from FREIGHTDESK_URL."""
    url = os.environ.get("FREIGHTDESK_URL")
    if not url:
        raise RuntimeError("FREIGHTDESK_URL is not set; run the tests with scripts/browser-tests")
    return url.rstrip("/")


def new_driver() -> webdriver.Chrome:
    """Headless Chromium through Debian's chromedriver, asking for Chinese first like a
    browser in China does (the server picks the page language from Accept-Language).

    The driver path is explicit so Selenium Manager never looks for a browser online."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--lang={CHINESE}",
        # Bootstrap scrolls smoothly unless motion is reduced; chromedriver would then click
        # where an element is about to be rather than where it is.
        "--force-prefers-reduced-motion",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    return driver


class BrowserTestCase(unittest.TestCase):
    """A test with its own fresh browser (no cookies shared with other tests) and the steps
    every flow needs: open a page, fill and send a form, read what the page says."""

    def setUp(self):
        """Starts the browser; it is closed after the test whatever happens."""
        self.driver = new_driver()
        self.addCleanup(self.driver.quit)

    # Navigation

    def open(self, path: str):
        """Loads `path` of the server under test."""
        self.driver.get(base_url() + path)

    def path(self) -> str:
        """The path of the page shown now."""
        return urlparse(self.driver.current_url).path

    def wait_until(self, condition, message: str, ignoring: tuple = ()):
        """Waits until `condition(driver)` is truthy and returns its value; fails the test
        with `message` when it stays falsy. Errors of the `ignoring` types count as falsy."""
        try:
            return WebDriverWait(
                self.driver, WAIT_SECONDS, ignored_exceptions=ignoring
            ).until(condition)
        except TimeoutException:
            self.fail(f"{message} (page {self.driver.current_url})")

    def wait_for_path(self, path: str):
        """Waits until the browser shows `path`."""
        self.wait_until(lambda _: self.path() == path, f"expected to arrive at {path}")

    def press(self, text: str):
        """Presses the button labelled `text` and waits for the page it leads to."""
        buttons = [
            button
            for button in self.driver.find_elements(By.TAG_NAME, "button")
            if button.text.strip() == text
        ]
        self.assertEqual(len(buttons), 1, f"not one button labelled {text!r}")
        self._leave_page(buttons[0], f"pressing {text!r}")

    def follow(self, text: str):
        """Follows the navigation link labelled `text` and waits for its page."""
        links = [
            link
            for link in self.driver.find_elements(By.CSS_SELECTOR, "nav a")
            if link.text.strip() == text
        ]
        self.assertEqual(len(links), 1, f"not one navigation link labelled {text!r}")
        self._leave_page(links[0], f"following {text!r}")

    def _leave_page(self, element: WebElement, action: str):
        """Clicks `element` and waits until another page has replaced this one and loaded.

        The old page is marked with a script variable that a new page cannot have; while the
        browser is between pages the driver may answer with errors, which only mean "not
        yet"."""
        self.driver.execute_script("window.freightdeskPageLeft = true;")
        element.click()
        self.wait_until(
            lambda driver: driver.execute_script(
                "return window.freightdeskPageLeft === undefined"
                " && document.readyState === 'complete';"
            ),
            f"{action} loaded no page",
            ignoring=(WebDriverException,),
        )

    # Forms

    def fill(self, **values: str):
        """Types each value into the form field of that name, replacing what was there."""
        for name, value in values.items():
            field = self.driver.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)

    def field_value(self, name: str) -> str:
        """What the field `name` holds now."""
        return self.driver.find_element(By.NAME, name).get_attribute("value")

    def field_errors(self, name: str) -> list:
        """The visible error messages under the field `name` (Bootstrap shows them only
        when the field is marked invalid, so a hidden message does not count)."""
        return [
            element.text.strip()
            for element in self.driver.find_elements(
                By.CSS_SELECTOR, f"#field-{name} ~ .invalid-feedback"
            )
            if element.text.strip()
        ]

    # What the page says

    def language(self) -> str:
        """The page's `lang` attribute."""
        return self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")

    def heading(self) -> str:
        """The main heading's text."""
        return self.driver.find_element(By.CSS_SELECTOR, "main h1").text.strip()

    def flashes(self) -> list:
        """The texts of the flash messages and status notices at the top of the content.
        Calm messages close themselves after six seconds, so read them right after the
        page loads."""
        return [
            element.text.strip()
            for element in self.driver.find_elements(By.CSS_SELECTOR, "main .alert")
        ]

    def form_errors(self) -> list:
        """The form-wide error messages (wrong password, locked account)."""
        return [
            element.text.strip()
            for element in self.driver.find_elements(By.CSS_SELECTOR, "main .alert-danger div")
        ]

    def button_labels(self) -> list:
        """The labels of all buttons on the page."""
        return [button.text.strip() for button in self.driver.find_elements(By.TAG_NAME, "button")]

    def table_rows(self) -> list:
        """The text of each row in the page's table bodies."""
        return [row.text for row in self.driver.find_elements(By.CSS_SELECTOR, "tbody tr")]

    def main_text(self) -> str:
        """All text of the page's main content."""
        return self.driver.find_element(By.TAG_NAME, "main").text

    def assert_stylesheets_applied(self):
        """Fails unless Bootstrap's style sheet took effect: a Bootstrap primary button is
        drawn with a coloured background, which an unstyled page never has."""
        background = self.driver.execute_script(
            "const b = document.querySelector('.btn-primary, .btn-secondary');"
            "return b ? getComputedStyle(b).backgroundColor : null;"
        )
        self.assertIsNotNone(background, "no Bootstrap button on the page")
        self.assertNotIn(background, ("rgba(0, 0, 0, 0)", "transparent"), "Bootstrap not loaded")

    def screenshot(self, name: str):
        """Saves the whole page, also what lies below the window, as `<name>.png` in the
        screenshot folder for people to look at; the folder is not part of the repository."""
        # The window's full width: without a scroll bar the page lays out that wide.
        width = self.driver.execute_script("return window.innerWidth")
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        height = metrics["cssContentSize"]["height"]
        image = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
        SCREENSHOT_DIRECTORY.mkdir(parents=True, exist_ok=True)
        (SCREENSHOT_DIRECTORY / f"{name}.png").write_bytes(base64.b64decode(image["data"]))

    # Whole steps

    def sign_up(self, company: Company, locale: str = CHINESE):
        """Signs `company` up through /signup and waits for the signed-in home page."""
        self.open("/signup")
        self.fill(
            company_name=company.name,
            slug=company.slug,
            owner_name=company.owner_name,
            owner_login=company.owner_login,
            owner_password=company.password,
        )
        self.press(CATALOGS.text(locale, "signup.submit"))
        self.wait_for_path("/app")

    def log_in(self, slug: str, login: str, password: str, locale: str = CHINESE):
        """Sends the sign-in form from /login (without waiting for any particular page)."""
        if self.path() != "/login":
            self.open("/login")
        self.fill(company=slug, login=login, password=password)
        self.press(CATALOGS.text(locale, "login.submit"))

    def log_out(self, locale: str = CHINESE):
        """Presses the sign-out button in the top bar and waits for the sign-in page."""
        self.press(CATALOGS.text(locale, "layout.sign_out"))
        self.wait_for_path("/login")
