"""Fixtures for the browser layer: Django's live server, and Debian's
Chromium driven by Playwright's sync API (Playwright never downloads a
browser here).

Every test is transactional, because the live server answers from another
thread and must see committed rows; ``serialized_rollback`` restores what
the migrations created (locales, the home page, the site) after each flush.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio loop in this thread, and Django
# refuses ORM calls from a thread with a running loop. The loop is
# Playwright's own; the test code is synchronous, so the check is lifted.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NAVIGATION_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"No Chromium at {CHROMIUM}. Install Debian's (apt-get install chromium) or set "
            "CHROMIUM_PATH; these tests never download a browser.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(Path(CHROMIUM)), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab on the live server (relative URLs work in ``goto``).
    Fails the test if the page's own JavaScript throws."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
    tab = context.new_page()
    script_errors = []
    tab.on("pageerror", lambda error: script_errors.append(f"{tab.url}: {error}"))
    try:
        yield tab
    finally:
        context.close()
    assert not script_errors, "JavaScript errors:\n" + "\n".join(script_errors)


@pytest.fixture
def site(transactional_db):
    from tests.browser.content import build_site

    return build_site()
