"""Helpers shared by the test suites: reading pages, signing in, counting
queries, and building a world once per module. Factories for data live in
tests/factories.py; this module is about what a test does with them."""

import datetime
import smtplib
from contextlib import contextmanager
from unittest import mock

from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import DEFAULT_TEST_PASSWORD, login_with_mfa, with_mfa

# --- Reading pages ---------------------------------------------------------------------


def soup(response, status=200):
    """The parsed HTML of ``response``, after checking it is the page asked
    for (``status``; pass another code for an error page)."""
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_titles(response):
    """The titles of the result cards of a listing, in the order shown."""
    results = soup(response).select_one("section[aria-labelledby=results-title]")
    return [link.get_text(strip=True) for link in results.select(".card__title a")]


def listed(response):
    """The titles of the result cards of a listing, in alphabetical order."""
    return sorted(result_titles(response))


def facet(response, param):
    """{value: (count, checked, marked empty)} for the checkboxes of a facet."""
    options = {}
    for checkbox in soup(response).select(f"form.filters input[name={param}]"):
        item = checkbox.find_parent("li")
        count = int(item.select_one(".filters__count").get_text(strip=True))
        marked = "filters__option--empty" in item["class"]
        options[checkbox["value"]] = (count, checkbox.has_attr("checked"), marked)
    return options


def facet_counts(response, param):
    """{value: count} for the checkboxes of a facet."""
    return {value: count for value, (count, _checked, _marked) in facet(response, param).items()}


def count_queries(client, url):
    """The number of queries a second GET of ``url`` costs: the first warms
    the per-process caches (content types, site root paths), so that two
    measurements see the same state."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def in_days(days):
    """Today's date in the site's time zone, ``days`` from now."""
    return timezone.localdate() + datetime.timedelta(days=days)


# --- Signing in ------------------------------------------------------------------------


def sign_in_with_mfa(client, user):
    """Give ``user`` an authenticator app (unless they have one) and sign
    them in as through the password form and the code from the app. Anyone
    who sees other people's data (the admin, /partners/manage/) needs both."""
    if not user.authenticator_set.exists():
        with_mfa(user)
    login_with_mfa(client, user)
    return client


def sign_in(client, user):
    """Sign ``user`` in as through the login form: with the app's code too
    when they have an authenticator app, with the password alone otherwise.
    ``None`` stays anonymous."""
    if user is None:
        return client
    if user.authenticator_set.exists():
        return sign_in_with_mfa(client, user)
    client.force_login(user)
    return client


def reauthenticate(client, next_url):
    """Type the password again, as allauth asks before sensitive actions."""
    response = client.post(
        reverse("account_reauthenticate"), {"password": DEFAULT_TEST_PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, response.content.decode()
    return response


def is_signed_in(client):
    """Whether the client's session belongs to someone (their own page opens)."""
    return client.get("/me/").status_code == 200


# --- The page editor ------------------------------------------------------------------


def editor_post(page, **fields):
    """What the page editor sends for ``page``: its title and slug, an empty
    body and no comments, with ``fields`` added or changed."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


def partner_page_post(page, **fields):
    """What the page editor sends for a partner page, with ``fields`` changed."""
    return editor_post(
        page, **{"organisation": page.organisation_id, "intro": page.intro, **fields}
    )


def placement_post(page, **fields):
    """What the page editor sends for a placement, with ``fields`` changed."""
    from wagtail.test.utils.form_data import rich_text

    facts = {
        "summary": page.summary,
        "commitment": page.commitment,
        "sector": page.sector_id,
        "audiences": [audience.pk for audience in page.audiences.all()],
        "area": page.area_id,
        "image_alt": "People at work",
        "hours_per_week": page.hours_per_week,
        "duration": page.duration,
        "places": page.places,
        "closes_on": page.closes_on.isoformat(),
        "how_to_apply": rich_text(page.how_to_apply),
    }
    return editor_post(page, **{**facts, **fields})


# --- Email -----------------------------------------------------------------------------


def mail_server_refuses():
    """Patch the test mail backend so that every send fails as a busy SMTP server does."""
    return mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPException("451 4.3.0 Temporary local problem"),
    )


# --- A world built once per module -----------------------------------------------------


@contextmanager
def built_once(django_db_blocker, build):
    """Build a test module's world once, inside a transaction rolled back at
    the module's end; each test then runs in its own savepoint (pytest-django's
    ``db``), so what a test writes is undone before the next. Use from a
    module-scoped fixture::

        @pytest.fixture(scope="module")
        def world(django_db_setup, django_db_blocker):
            with built_once(django_db_blocker, World) as world:
                yield world
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
