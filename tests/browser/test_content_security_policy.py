"""The Content Security Policy in a real browser: every kind of public page,
the sign-in pages and the Wagtail editor work under it, and Chromium neither
reports a violation nor prints anything to the console.

A listener for ``securitypolicyviolation`` events is added to every document
by Playwright's init script, which the page's policy does not apply to; it
hands each event to the test through an exposed function, so events survive
navigations. A last step breaks the policy on purpose, to show the listener
would have seen a violation.
"""

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from tests.browser.content import PUBLIC_PAGES, SIGN_IN_PAGES
from tests.browser.helpers import (
    BROWSER_TEST,
    NEW_PLACEMENT_TITLE,
    fill_in_placement,
    save_draft,
    sign_in,
    write_how_to_apply,
)
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    moderator,
    translate_page,
    with_mfa,
)

pytestmark = BROWSER_TEST

MODERATOR_EMAIL = "moderatrice@cooperativa.example.org"

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.disposition} ${event.effectiveDirective}: blocked ${event.blockedURI || "?"} ` +
    `at ${event.sourceFile || event.documentURI}:${event.lineNumber} ${event.sample || ""}`
  );
}, true);
"""

FAILED_LOAD = re.compile(r"Failed to load resource: the server responded with a status of (\d+)")

PAGES = {
    **PUBLIC_PAGES,
    **SIGN_IN_PAGES,
    "placements hub in Italian": lambda site: site.italian_hub_url,
}


class Watch:
    """What Chromium said about the pages of one tab: policy violations and
    console messages, each with the address it came from."""

    def __init__(self, page):
        self.page = page
        self.violations = []
        self.console_messages = []
        # "Failed to load resource" messages for answers that are meant to
        # fail, by status: an error page asked for, and Wagtail's autosave
        # of a half-filled editor form (a JSON 400, by design).
        self.expected_failures = Counter()
        page.context.expose_function("reportCspViolation", self.violation)
        page.context.add_init_script(REPORT_VIOLATIONS)
        page.on("console", self.console)
        page.on("response", self.response)

    def violation(self, text):
        self.violations.append(f"{self.page.url}: violation {text}")

    def console(self, message):
        self.console_messages.append((self.page.url, message.type, message.text))

    def response(self, response):
        if (
            response.status == 400
            and response.request.method == "POST"
            and response.headers.get("content-type") == "application/json"
        ):
            self.expected_failures[400] += 1

    @property
    def problems(self):
        budget = Counter(self.expected_failures)
        found = list(self.violations)
        for url, kind, text in self.console_messages:
            failed = FAILED_LOAD.match(text)
            if failed and budget[int(failed.group(1))] > 0:
                budget[int(failed.group(1))] -= 1
                continue
            found.append(f"{url}: console {kind}: {text}")
        return found

    def visit(self, url, status=200, admin=False):
        """Open ``url``, check its policy header and let late events arrive."""
        response = self.page.goto(url)
        assert response.status == status, f"{url} answered {response.status}"
        if status >= 400:
            self.expected_failures[status] += 1
        self.assert_strict_policy(response, admin)
        self.settle()
        return response

    def settle(self):
        # Violations are reported asynchronously: a round trip through the
        # page after the load event lets queued events reach the test.
        self.page.wait_for_load_state("load")
        self.page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")

    @staticmethod
    def assert_strict_policy(response, admin):
        policy = response.headers.get("content-security-policy")
        assert policy, f"{response.url} sent no Content-Security-Policy"
        directives = {
            name: value
            for name, _, value in (part.strip().partition(" ") for part in policy.split(";"))
        }
        # Wagtail's admin still runs inline <script> elements (widget set-up),
        # though never inline event handlers.
        if admin:
            assert directives["script-src-attr"] == "'none'", policy
        else:
            assert "'unsafe-inline'" not in directives["script-src"], policy
        assert "'unsafe-eval'" not in directives["script-src"], policy
        assert directives["object-src"] == "'none'", policy


@pytest.fixture
def watch(page):
    return Watch(page)


def test_public_pages_keep_to_the_policy(watch, site):
    site.italian_hub_url = translate_page(site.hubs["placement"], "it").url

    for kind, url in PAGES.items():
        watch.visit(url(site))
        assert not watch.problems, f"{kind}:\n" + "\n".join(watch.problems)
        if kind == "placement":
            # Structured data is a <script> element too, but data: not run, not blocked.
            assert watch.page.locator("script[type='application/ld+json']").count()
    watch.visit("/this-page-does-not-exist/", status=404)
    assert not watch.problems, "404 page:\n" + "\n".join(watch.problems)


def test_editor_creates_and_edits_a_placement_within_the_policy(watch, site):
    from cooperativa.opportunities.models import PlacementPage

    page = watch.page
    partner_page = site.partners[0]
    secret = with_mfa(moderator(MODERATOR_EMAIL))

    sign_in(page, MODERATOR_EMAIL, DEFAULT_TEST_PASSWORD, "/admin/", secret=secret)
    assert urlsplit(page.url).path == "/admin/"
    watch.settle()
    watch.visit(f"/admin/pages/{partner_page.pk}/", admin=True)
    watch.visit("/admin/images/", admin=True)

    # A new placement, with the image chooser opened on the way.
    watch.visit(f"/admin/pages/add/opportunities/placementpage/{partner_page.pk}/", admin=True)
    fill_in_placement(page)
    page.locator("[data-contentpath='image']").get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("heading").first.wait_for()
    chooser.get_by_role("button", name="Close").first.click()
    write_how_to_apply(page)
    save_draft(page)
    placement = PlacementPage.objects.get(title=NEW_PLACEMENT_TITLE)
    watch.settle()

    # Edit it again.
    watch.visit(f"/admin/pages/{placement.pk}/edit/", admin=True)
    page.locator("#id_summary").fill("Learn to bake bread, three mornings a week.")
    save_draft(page)
    watch.settle()

    # The user bar on a public page, as an editor sees it.
    watch.visit(site.placements["laundry"].url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    watch.settle()
    assert not watch.problems, "\n".join(watch.problems)

    # The listener does hear a violation: an inline style attribute.
    page.evaluate("() => document.body.setAttribute('style', 'color: red')")
    watch.settle()
    assert watch.violations, "the listener missed an inline style attribute"
