"""The Identity module's flows in a real browser: signing a company up, signing in and out,
switching the language, adding a user, the lock after repeated wrong passwords, and what a
bad sign-up form shows. Each test signs up its own company, so they run in any order."""

import unittest

from selenium.webdriver.common.by import By

from freightdesk_browser import (
    CATALOGS,
    CHINESE,
    ENGLISH,
    FIRST_LOCK_SECONDS,
    LOGIN_FAILURES_TO_LOCK,
    TRIAL_DAYS,
    BrowserTestCase,
    Company,
)


class SignUpTests(BrowserTestCase):
    """Self-service sign-up of a new company."""

    def test_sign_up_lands_on_home_with_welcome_and_trial(self):
        """A new company's owner lands on /app, greeted by name, told the company was
        created and how many trial days are left, on a page styled by Bootstrap."""
        company = Company.fresh()
        self.open("/signup")
        self.assertEqual(self.language(), CHINESE)
        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "signup.title"))
        self.assert_stylesheets_applied()
        self.screenshot("signup-zh")

        self.sign_up(company)

        self.assertEqual(
            self.heading(), CATALOGS.text(CHINESE, "home.welcome", name=company.owner_name)
        )
        flashes = self.flashes()
        self.assertIn(
            CATALOGS.text(CHINESE, "flash.signed_up", company=company.name), flashes
        )
        trial = CATALOGS.text(CHINESE, "home.trial_days_left", days=str(TRIAL_DAYS))
        self.assertTrue(
            any(flash.startswith(trial) for flash in flashes), f"{trial!r} not in {flashes}"
        )
        self.assertIn(company.name, self.main_text())
        self.assert_stylesheets_applied()
        self.screenshot("home-after-signup-zh")

    def test_bad_sign_up_shows_field_errors_in_the_users_language_and_creates_nothing(self):
        """An invalid company code and a short password are named under their fields, in
        Chinese and after switching in English; the typed values stay, and since nothing was
        created the same code can still be signed up afterwards."""
        company = Company.fresh()
        self.open("/signup")
        self.fill(
            company_name=company.name,
            slug="Bad_Code!",
            owner_name=company.owner_name,
            owner_login=company.owner_login,
            owner_password="短密码12",
        )
        self.press(CATALOGS.text(CHINESE, "signup.submit"))

        self.assertEqual(self.path(), "/signup")
        self.assertEqual(
            self.field_errors("slug"), [CATALOGS.text(CHINESE, "rule.invalid_company_code")]
        )
        self.assertIn(
            CATALOGS.text(CHINESE, "rule.password_too_short", min="8"),
            self.field_errors("owner_password"),
        )
        self.assertEqual(self.field_errors("company_name"), [])
        self.assertEqual(self.field_value("company_name"), company.name)
        self.assertEqual(self.field_value("owner_password"), "")
        self.screenshot("signup-errors-zh")

        self.press(CATALOGS.text(ENGLISH, "layout.language.en"))
        self.assertEqual(self.path(), "/signup")
        self.assertEqual(self.language(), ENGLISH)
        self.fill(
            company_name=company.name,
            slug=company.slug,
            owner_name=company.owner_name,
            owner_login=company.owner_login,
            owner_password="short1",
        )
        self.press(CATALOGS.text(ENGLISH, "signup.submit"))

        self.assertEqual(self.path(), "/signup")
        self.assertEqual(self.field_errors("slug"), [])
        self.assertIn(
            CATALOGS.text(ENGLISH, "rule.password_too_short", min="8"),
            self.field_errors("owner_password"),
        )
        self.screenshot("signup-errors-en")

        self.sign_up(company, locale=ENGLISH)
        self.assertEqual(
            self.heading(), CATALOGS.text(ENGLISH, "home.welcome", name=company.owner_name)
        )


class SignInTests(BrowserTestCase):
    """Signing out and in again, and the lock after repeated wrong passwords."""

    def test_log_out_and_log_in_again(self):
        """Signing out shows the sign-in page with the signed-out message and ends the
        session; signing in again leads back to /app."""
        company = Company.fresh()
        self.sign_up(company)

        self.log_out()

        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "login.title"))
        self.assertIn(CATALOGS.text(CHINESE, "flash.signed_out"), self.flashes())
        self.screenshot("login-after-logout-zh")
        self.open("/app")
        self.wait_for_path("/login")

        self.log_in(company.slug, company.owner_login, company.password)

        self.wait_for_path("/app")
        self.assertEqual(
            self.heading(), CATALOGS.text(CHINESE, "home.welcome", name=company.owner_name)
        )

    def test_repeated_wrong_passwords_lock_the_account(self):
        """Each wrong password is answered with the wrong-credentials message; once the limit
        is reached even the right password is refused with the too-many-failures message,
        and no session is opened."""
        company = Company.fresh()
        self.sign_up(company)
        self.log_out()

        for attempt in range(LOGIN_FAILURES_TO_LOCK):
            self.log_in(company.slug, company.owner_login, f"Wrong-password-{attempt}")
            self.assertEqual(self.path(), "/login")
            self.assertEqual(
                self.form_errors(), [CATALOGS.text(CHINESE, "error.wrong_credentials")]
            )

        self.log_in(company.slug, company.owner_login, company.password)

        self.assertEqual(self.path(), "/login")
        errors = self.form_errors()
        self.assertEqual(len(errors), 1, errors)
        locked = CATALOGS.pattern(CHINESE, "error.login_throttled").fullmatch(errors[0])
        self.assertIsNotNone(locked, f"not the too-many-failures message: {errors[0]!r}")
        self.assertTrue(1 <= int(locked.group("retry_after")) <= FIRST_LOCK_SECONDS)
        self.screenshot("login-locked-zh")
        self.open("/app")
        self.wait_for_path("/login")


class LanguageTests(BrowserTestCase):
    """The language switch in the top bar, before and after signing in."""

    def test_switch_between_chinese_and_english(self):
        """The switch changes every text and the `lang` attribute, before sign-in (kept in
        a cookie) and after (kept for the user across pages), and switches back."""
        self.open("/login")
        self.assertEqual(self.language(), CHINESE)
        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "login.title"))

        self.press(CATALOGS.text(CHINESE, "layout.language.en"))

        self.assertEqual(self.path(), "/login")
        self.assertEqual(self.language(), ENGLISH)
        self.assertEqual(self.heading(), CATALOGS.text(ENGLISH, "login.title"))
        self.assertIn(CATALOGS.text(ENGLISH, "flash.locale_changed"), self.flashes())
        self.screenshot("login-en")

        company = Company.fresh()
        self.sign_up(company, locale=ENGLISH)
        self.assertEqual(self.language(), ENGLISH)

        self.press(CATALOGS.text(ENGLISH, "layout.language.zh_cn"))

        self.assertEqual(self.path(), "/app")
        self.assertEqual(self.language(), CHINESE)
        self.assertEqual(
            self.heading(), CATALOGS.text(CHINESE, "home.welcome", name=company.owner_name)
        )
        self.assertIn(CATALOGS.text(CHINESE, "flash.locale_changed"), self.flashes())
        self.follow(CATALOGS.text(CHINESE, "nav.users"))
        self.wait_for_path("/app/users")
        self.assertEqual(self.language(), CHINESE)
        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "users.title"))

        self.press(CATALOGS.text(CHINESE, "layout.language.en"))

        self.assertEqual(self.path(), "/app/users")
        self.assertEqual(self.language(), ENGLISH)
        self.assertEqual(self.heading(), CATALOGS.text(ENGLISH, "users.title"))
        self.assertIn(CATALOGS.text(ENGLISH, "layout.sign_out"), self.button_labels())
        self.screenshot("users-en")


class UserAdministrationTests(BrowserTestCase):
    """Adding a user on /app/users."""

    def test_owner_adds_a_user_who_can_then_sign_in(self):
        """The owner adds a dispatcher, who appears in the list with the role's name; the
        dispatcher then signs in, is greeted by name, and sees the users without the form
        to add one (dispatchers may read users, not manage them)."""
        company = Company.fresh()
        self.sign_up(company)
        self.follow(CATALOGS.text(CHINESE, "nav.users"))
        self.wait_for_path("/app/users")
        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "users.title"))

        login = f"li.na.{company.slug}"
        password = f"{company.password}-dispatch"
        self.fill(login=login, display_name="李娜", password=password)
        self.driver.find_element(By.ID, "role-dispatcher").click()
        self.press(CATALOGS.text(CHINESE, "users.add"))

        self.wait_for_path("/app/users")
        self.assertIn(CATALOGS.text(CHINESE, "flash.user_created", name="李娜"), self.flashes())
        rows = self.table_rows()
        new_rows = [row for row in rows if login in row]
        self.assertEqual(len(new_rows), 1, rows)
        self.assertIn("李娜", new_rows[0])
        self.assertIn(CATALOGS.text(CHINESE, "role.dispatcher"), new_rows[0])
        self.screenshot("users-after-add-zh")

        self.log_out()
        self.log_in(company.slug, login, password)

        self.wait_for_path("/app")
        self.assertEqual(self.heading(), CATALOGS.text(CHINESE, "home.welcome", name="李娜"))
        self.follow(CATALOGS.text(CHINESE, "nav.users"))
        self.wait_for_path("/app/users")
        self.assertTrue(any(login in row for row in self.table_rows()), self.table_rows())
        self.assertNotIn(CATALOGS.text(CHINESE, "users.add"), self.button_labels())
        self.assertEqual(self.driver.find_elements(By.NAME, "display_name"), [])


if __name__ == "__main__":
    unittest.main()
