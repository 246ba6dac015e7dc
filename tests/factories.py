"""Factories for the test suites and the benchmark.

Pages are created in the tree with ``create_page(parent, **fields)``-style
helpers, since Wagtail pages must be added under a parent.
"""

import datetime

import factory
from django.utils import timezone
from wagtail.models import Locale

from cooperativa.accounts.models import User
from cooperativa.opportunities.models import (
    Audience,
    CallPage,
    Commitment,
    OpportunityIndexPage,
    PlacementPage,
    ProjectPage,
    Sector,
)
from home.models import HomePage
from partners.models import Area, Organisation, PartnerIndexPage, PartnerPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    password = factory.django.Password("a long test password 42")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Comune {n}")
    province = "TO"
    region = "Piemonte"
    slug = factory.Sequence(lambda n: f"comune-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Cooperativa Sociale {n}")
    slug = factory.Sequence(lambda n: f"cooperativa-sociale-{n}")
    kind = Organisation.Kind.COOPERATIVE_B
    legal_form = Organisation.LegalForm.SOCIAL_COOPERATIVE
    status = Organisation.Status.APPROVED
    description = factory.Faker("sentence")


def home_page():
    return HomePage.objects.get(locale=Locale.get_default())


def add_child(parent, page):
    """Add ``page`` under ``parent`` and publish it; returns the saved page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def create_partner_index(**fields):
    existing = PartnerIndexPage.objects.filter(locale=Locale.get_default()).first()
    if existing:
        return existing
    fields.setdefault("title", "Partners")
    fields.setdefault("slug", "partners")
    return add_child(home_page(), PartnerIndexPage(**fields))


def create_hub(kind="", slug=None, title=None):
    slug = slug or {"": "opportunities", "placement": "placements", "call": "calls",
                    "project": "projects"}[kind]
    existing = OpportunityIndexPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if existing:
        return existing
    return add_child(home_page(), OpportunityIndexPage(title=title or slug.title(), slug=slug,
                                                       kind=kind))


def create_partner_page(organisation=None, **fields):
    organisation = organisation or OrganisationFactory()
    fields.setdefault("title", organisation.name)
    fields.setdefault("slug", organisation.slug)
    fields.setdefault("intro", "We run a bakery and a laundry that employ people in custody.")
    return add_child(create_partner_index(), PartnerPage(organisation=organisation, **fields))


_counter = iter(range(1, 10**9))


def _common(fields):
    n = next(_counter)
    fields.setdefault("title", f"Opportunity {n}")
    fields.setdefault("slug", f"opportunity-{n}")
    fields.setdefault("summary", "Help in the kitchen of a community café, two mornings a week.")
    fields.setdefault("commitment", Commitment.REGULAR)
    fields.setdefault("sector", Sector.CATERING)
    if "area" not in fields:
        fields["area"] = AreaFactory()
    audiences = fields.pop("audiences", ["anyone"])
    return fields, audiences


def _finish(parent, page, audiences):
    page.audiences.set(Audience.objects.filter(code__in=audiences))
    return add_child(parent, page)


def create_placement(parent=None, **fields):
    parent = parent or create_partner_page()
    fields, audiences = _common(fields)
    fields.setdefault("commitment", Commitment.JOB)
    fields.setdefault("hours_per_week", 20)
    fields.setdefault("duration", "6 months")
    fields.setdefault("how_to_apply", "<p>Ask your probation officer or write to us.</p>")
    fields.setdefault("closes_on", timezone.localdate() + datetime.timedelta(days=30))
    return _finish(parent, PlacementPage(**fields), audiences)


def create_call(parent=None, **fields):
    parent = parent or create_partner_page()
    fields, audiences = _common(fields)
    fields.setdefault("what_is_asked", "<p>Come to a two-hour workshop.</p>")
    fields.setdefault("how_to_respond", "<p>Write to us.</p>")
    fields.setdefault("closes_on", timezone.localdate() + datetime.timedelta(days=20))
    return _finish(parent, CallPage(**fields), audiences)


def create_project(parent=None, **fields):
    parent = parent or create_partner_page()
    fields, audiences = _common(fields)
    fields.setdefault("goals", "<p>Open a community garden run with people on probation.</p>")
    fields.setdefault("stage", ProjectPage.Stage.RUNNING)
    return _finish(parent, ProjectPage(**fields), audiences)
