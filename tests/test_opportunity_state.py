"""An opportunity's state has one definition (OpportunityQuerySet); the
Python answer for a loaded page and the database's answer for a list must
agree on every boundary day, or a card would say "open" on a hub that
filters it out as closed."""

import datetime

import pytest

from cooperativa.opportunities.models import (
    CLOSING_SOON_DAYS,
    OpportunityPage,
    ProjectPage,
)
from tests.factories import create_partner_page, create_placement, create_project

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 10)
OFFSETS = [None, -1, 0, 1, CLOSING_SOON_DAYS - 1, CLOSING_SOON_DAYS, CLOSING_SOON_DAYS + 1]
EXPECTED = {
    None: "open",
    -1: "closed",
    0: "closing_soon",
    1: "closing_soon",
    CLOSING_SOON_DAYS - 1: "closing_soon",
    CLOSING_SOON_DAYS: "closing_soon",
    CLOSING_SOON_DAYS + 1: "open",
}


def closes(offset):
    return None if offset is None else DAY + datetime.timedelta(days=offset)


@pytest.fixture
def opportunities(home):
    partner = create_partner_page()
    pages = {}
    for offset in OFFSETS:
        pages[("placement", offset)] = create_placement(partner, closes_on=closes(offset))
        pages[("project", offset)] = create_project(partner, closes_on=closes(offset))
        pages[("completed", offset)] = create_project(
            partner, closes_on=closes(offset), stage=ProjectPage.Stage.COMPLETED
        )
    return pages


def test_python_and_database_agree_on_every_boundary_day(opportunities):
    in_database = dict(OpportunityPage.objects.with_state(DAY).values_list("pk", "state_on_day"))
    for (kind, offset), page in opportunities.items():
        expected = "closed" if kind == "completed" else EXPECTED[offset]
        page = OpportunityPage.objects.get(pk=page.pk).specific
        assert page.get_state(DAY) == expected, (kind, offset)
        assert in_database[page.pk] == expected, (kind, offset)


def test_open_closing_soon_and_closed_lists_match_the_state(opportunities):
    queryset = OpportunityPage.objects.all()
    states = dict(queryset.with_state(DAY).values_list("pk", "state_on_day"))
    open_ids = set(queryset.open(DAY).values_list("pk", flat=True))
    soon_ids = set(queryset.closing_soon(DAY).values_list("pk", flat=True))
    closed_ids = set(queryset.closed(DAY).values_list("pk", flat=True))

    assert closed_ids == {pk for pk, state in states.items() if state == "closed"}
    assert soon_ids == {pk for pk, state in states.items() if state == "closing_soon"}
    # Closing soon is still open: a person can join until the closing day.
    assert open_ids == {pk for pk, state in states.items() if state != "closed"}
    assert not open_ids & closed_ids
