"""What a visitor does, in a real browser: arrive, switch to Italian, find
a placement by filtering the hub and open it."""

from urllib.parse import parse_qs, urlsplit

from tests.browser.accessibility import assert_accessible
from tests.browser.content import ITALIAN_HOME_INTRO
from tests.browser.helpers import BROWSER_TEST

pytestmark = BROWSER_TEST

# The filters offer audiences and sectors; the laundry placement is the only
# one for people on probation, and the only one in laundry.
LAUNDRY_FILTER_LABELS = ["People on probation or alternative measures", "Laundry and tailoring"]


def result_titles(page, titles):
    """Which of ``titles`` the page shows as links."""
    return {title for title in titles if page.get_by_role("link", name=title).count()}


def test_home_page_opens(page, site):
    response = page.goto("/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.get_by_role("main").is_visible()


def test_language_switcher_leads_to_the_italian_home_page(page, site):
    page.goto("/")

    with page.expect_navigation():
        page.locator('a[hreflang="it"]').first.click()

    assert urlsplit(page.url).path.startswith("/it/")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.get_by_text(ITALIAN_HOME_INTRO).first.is_visible()


def test_placements_are_filtered_and_opened(page, site):
    laundry = site.placements["laundry"]
    titles = [placement.title for placement in site.placements.values()]
    page.goto("/placements/")
    assert result_titles(page, titles) == set(titles)

    form = page.locator("form[method='get' i]").filter(has=page.locator("input[type=checkbox]"))
    assert form.count() == 1, "the hub needs one GET filter form with checkboxes"
    checkbox = next(
        (box for label in LAUNDRY_FILTER_LABELS if (box := form.get_by_label(label)).count() == 1),
        None,
    )
    assert checkbox is not None, f"no checkbox labelled any of {LAUNDRY_FILTER_LABELS}"
    name, value = checkbox.get_attribute("name"), checkbox.get_attribute("value")
    # Long lists of choices may fold into a <details>: open it as a visitor would.
    folded = checkbox.locator("xpath=ancestor::details[1]")
    if folded.count() and folded.get_attribute("open") is None:
        folded.locator("summary").first.click()
    checkbox.check()
    with page.expect_navigation():
        form.locator("button[type=submit], input[type=submit]").first.click()

    assert value in parse_qs(urlsplit(page.url).query).get(name, [])
    # The form shows the choice it was sent with.
    assert page.locator(f"input[type=checkbox][name='{name}'][value='{value}']").is_checked()
    assert result_titles(page, titles) == {laundry.title}
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name=laundry.title).first.click()
    assert urlsplit(page.url).path == laundry.url
    assert page.get_by_role("heading", level=1).inner_text().strip() == laundry.title
    assert_accessible(page)
