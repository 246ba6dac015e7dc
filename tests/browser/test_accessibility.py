"""axe-core finds nothing serious or critical on any kind of page."""

import pytest

from tests.browser.accessibility import assert_accessible
from tests.browser.content import PUBLIC_PAGES
from tests.browser.helpers import BROWSER_TEST

pytestmark = BROWSER_TEST

PAGES = {
    **PUBLIC_PAGES,
    "search without results": lambda site: "/search/?q=submarine",
}


@pytest.mark.parametrize("kind", PAGES)
def test_page_has_no_serious_accessibility_violations(page, site, kind):
    response = page.goto(PAGES[kind](site))

    assert response.status == 200, f"{kind}: {page.url} answered {response.status}"
    assert_accessible(page)


def test_not_found_page_has_no_serious_accessibility_violations(page, site):
    response = page.goto("/this-page-does-not-exist/")

    assert response.status == 404
    assert_accessible(page)
