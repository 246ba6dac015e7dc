"""The language follows the person, in a real browser: a saved choice can be
taken back, and the Italian account pages lead to Italian account pages."""

from urllib.parse import urlsplit

from tests.browser.helpers import BROWSER_TEST, sign_in
from tests.factories import verified_user

pytestmark = BROWSER_TEST


def save_language(page, value):
    form = page.locator("form[method=post]").filter(
        has=page.locator("select[name=preferred_language]")
    )
    form.locator("select[name=preferred_language]").select_option(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def language_cookie(page):
    return next(
        (
            cookie["value"]
            for cookie in page.context.cookies()
            if cookie["name"] == "django_language"
        ),
        None,
    )


def test_no_preference_gives_the_english_pages_back(page, site):
    person = verified_user(email="lucia@example.org")
    sign_in(page, person.email)

    page.goto("/me/")
    save_language(page, "it")
    assert language_cookie(page) == "it"

    page.goto("/it/me/")
    save_language(page, "")

    assert language_cookie(page) is None
    page.goto("/accounts/email/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert urlsplit(page.url).path == "/accounts/email/"


def test_the_italian_login_leads_to_the_italian_password_reset(page, site):
    page.goto("/it/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "it"

    with page.expect_navigation():
        page.get_by_role("link", name="Password dimenticata?").click()

    assert urlsplit(page.url).path.startswith("/it/accounts/password/reset/")
    assert page.locator("html").get_attribute("lang") == "it"
