"""axe-core in the browser: run it on the open page and report what fails.

The script is the copy of axe-core that the axe-playwright-python package
ships, so nothing is fetched at run time.
"""

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
# "moderate" and "minor" findings are reported by axe too, but only these two
# stop someone from using the page; they fail the test.
BLOCKING_IMPACTS = ("serious", "critical")


def axe_violations(page):
    """axe-core's violations on the page as it is now (all impacts)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def describe(violations, url, what="serious or critical"):
    """A report a person can act on: rule, impact, help, and each element."""
    lines = [f"{len(violations)} {what} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"\n* {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - at {', '.join(map(str, node['target']))}")
            lines.append(f"    {' '.join(node['html'].split())[:300]}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"    {line.strip()}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)


def blocking_violations(page):
    return [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page):
    """Fail with a readable report if axe finds serious or critical problems."""
    violations = blocking_violations(page)
    assert not violations, describe(violations, page.url)


def assert_no_violations(page):
    """Fail with a readable report if axe finds anything at all, whatever
    its impact: the standard for public pages, which people in difficult
    circumstances, on old phones and with assistive technology, rely on."""
    violations = axe_violations(page)
    assert not violations, describe(violations, page.url, what="")
