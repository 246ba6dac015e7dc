"""axe-core finds nothing serious or critical on any kind of page."""

import pytest

from tests.browser.accessibility import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "home": lambda site: "/",
    "home in Italian": lambda site: "/it/",
    "opportunities hub": lambda site: "/opportunities/",
    "placements hub": lambda site: "/placements/",
    "calls hub": lambda site: "/calls/",
    "projects hub": lambda site: "/projects/",
    "filtered hub": lambda site: "/placements/?sector=laundry&audience=probation",
    "placement": lambda site: site.placements["laundry"].url,
    "call": lambda site: site.calls[0].url,
    "project": lambda site: site.projects[0].url,
    "partner page": lambda site: site.partners[0].url,
    "partner directory": lambda site: "/partners/",
    "search results": lambda site: "/search/?q=laundry",
    "search without results": lambda site: "/search/?q=submarine",
    "standard page": lambda site: site.standard_page.url,
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
