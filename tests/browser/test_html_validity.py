"""Every public page type, in both languages, is valid HTML for the Nu HTML
Checker and has no axe-core violation of any impact.

The Nu checker is the ``vnu-jar`` npm package (package.json; ``make
test-browser`` installs it), run with Java 17 once over every page, since
starting Java is the slow part.
"""

import json
import shutil
import subprocess
from pathlib import Path

from tests.browser.accessibility import assert_no_violations
from tests.browser.helpers import BROWSER_TEST
from tests.factories import translate_page

pytestmark = BROWSER_TEST

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def translate_site(site):
    """The Italian side of the browser test site: hubs, directory, a partner,
    one opportunity of each type and the standard page."""
    italian = {}
    for kind, slug in (
        ("", "opportunita"),
        ("placement", "tirocini"),
        ("call", "inviti"),
        ("project", "progetti"),
    ):
        italian[kind or "all"] = translate_page(site.hubs[kind], slug=slug)
    italian["directory"] = translate_page(site.partners[0].get_parent(), slug="partner")
    italian["partner"] = translate_page(site.partners[0])
    italian["placement"] = translate_page(site.placements["laundry"])
    italian["call"] = translate_page(site.calls[0])
    italian["project"] = translate_page(site.projects[0])
    italian["standard"] = translate_page(site.standard_page)
    italian["map"] = translate_page(site.map_page, title="Mappa della comunità", slug="mappa")
    italian["networks"] = translate_page(site.network_index, title="Reti di sostegno", slug="reti")
    italian["network"] = translate_page(site.networks[0], slug="circoli")
    return italian


def public_pages(site):
    """(name, address, expected status) of every public page type."""
    italian = translate_site(site)
    pages = [
        ("home", "/", 200),
        ("opportunities hub", site.hubs[""].url, 200),
        ("placements hub", site.hubs["placement"].url, 200),
        ("calls hub", site.hubs["call"].url, 200),
        ("projects hub", site.hubs["project"].url, 200),
        ("filtered hub", f"{site.hubs['placement'].url}?sector=laundry&audience=probation", 200),
        ("placement", site.placements["laundry"].url, 200),
        ("call", site.calls[0].url, 200),
        ("project", site.projects[0].url, 200),
        ("partner directory", site.partners[0].get_parent().url, 200),
        ("partner profile", site.partners[0].url, 200),
        ("search", "/search/?q=laundry", 200),
        ("standard page", site.standard_page.url, 200),
        ("response form", f"/respond/{site.placements['laundry'].pk}/", 200),
        ("call response form", f"/respond/{site.calls[0].pk}/", 200),
        ("community map", site.map_page.url, 200),
        ("filtered community map", f"{site.map_page.url}?asset=jobs&area=torino", 200),
        ("network hub", site.network_index.url, 200),
        ("network", site.networks[0].url, 200),
        ("partner with places and networks", site.partners[1].url, 200),
        ("not found", "/this-page-does-not-exist/", 404),
        ("login", "/accounts/login/", 200),
        ("signup", "/accounts/signup/", 200),
        ("home (it)", "/it/", 200),
        ("opportunities hub (it)", italian["all"].url, 200),
        ("placements hub (it)", italian["placement"].url, 200),
        ("calls hub (it)", italian["call"].url, 200),
        ("projects hub (it)", italian["project"].url, 200),
        ("filtered hub (it)", f"{italian['placement'].url}?sector=laundry", 200),
        ("placement (it)", italian["placement"].url, 200),
        ("call (it)", italian["call"].url, 200),
        ("project (it)", italian["project"].url, 200),
        ("partner directory (it)", italian["directory"].url, 200),
        ("partner profile (it)", italian["partner"].url, 200),
        ("search (it)", "/it/search/?q=lavanderia", 200),
        ("standard page (it)", italian["standard"].url, 200),
        ("response form (it)", f"/it/respond/{italian['placement'].pk}/", 200),
        ("community map (it)", italian["map"].url, 200),
        ("network hub (it)", italian["networks"].url, 200),
        ("network (it)", italian["network"].url, 200),
        ("not found (it)", "/it/questa-pagina-non-esiste/", 404),
        # Account pages answer in the language of the page people came from.
        ("login (it)", "/accounts/login/?next=/it/", 200),
        ("signup (it)", "/accounts/signup/?next=/it/", 200),
        ("alert form", f"/alerts/new/?hub={site.hubs['placement'].pk}&sector=laundry", 200),
        ("alert form (it)", f"/it/alerts/new/?hub={italian['all'].pk}&sector=laundry", 200),
    ]
    return pages


def test_every_public_page_is_valid_html(page, site, tmp_path):
    java = shutil.which("java")
    assert java, "Java 17 is needed for the Nu HTML Checker"
    assert VNU.exists(), "Run `npm ci` (make test-browser does) to install vnu-jar"
    files = {}
    for n, (name, url, status) in enumerate(public_pages(site)):
        response = page.goto(url)
        assert response.status == status, f"{name}: {url} answered {response.status}"
        path = tmp_path / f"{n:02d}.html"
        # The HTML as the server sent it, not as the browser rebuilt it.
        path.write_bytes(response.body())
        files[str(path)] = f"{name} ({url})"
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    report = "\n".join(
        f"* {files.get(m['url'].removeprefix('file:'), m['url'])}, line {m.get('lastLine')}: "
        f"{m['message']}\n    {m.get('extract', '').strip()}"
        for m in errors
    )
    assert not errors, f"{len(errors)} HTML error(s):\n{report}"


def test_every_public_page_has_no_accessibility_violation(page, site):
    failures = []
    for name, url, status in public_pages(site):
        response = page.goto(url)
        assert response.status == status, f"{name}: {url} answered {response.status}"
        try:
            assert_no_violations(page)
        except AssertionError as error:
            failures.append(f"{name}: {error}")
    assert not failures, "\n\n".join(failures)
