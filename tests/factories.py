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
    """An area in the default language (the rows pages point at)."""

    class Meta:
        model = Area
        django_get_or_create = ("slug", "locale")

    locale = factory.LazyFunction(Locale.get_default)
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


def create_standard_page(parent, **fields):
    """A published standard page (about us, privacy…) under ``parent``."""
    from home.models import StandardPage

    fields.setdefault("title", "About us")
    fields.setdefault("slug", "about")
    fields.setdefault("intro", "Who we are and how we work with the services of our towns.")
    fields.setdefault("body", [("heading", {"text": "Our story", "level": "h2"})])
    return add_child(parent, StandardPage(**fields))


def create_partner_index(**fields):
    existing = PartnerIndexPage.objects.filter(locale=Locale.get_default()).first()
    if existing:
        return existing
    fields.setdefault("title", "Partners")
    fields.setdefault("slug", "partners")
    return add_child(home_page(), PartnerIndexPage(**fields))


def create_hub(kind="", slug=None, title=None):
    slug = (
        slug
        or {"": "opportunities", "placement": "placements", "call": "calls", "project": "projects"}[
            kind
        ]
    )
    existing = OpportunityIndexPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if existing:
        return existing
    return add_child(
        home_page(), OpportunityIndexPage(title=title or slug.title(), slug=slug, kind=kind)
    )


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
    fields.setdefault("sector", "catering")
    if isinstance(fields["sector"], str):
        fields["sector"] = term(Sector, fields["sector"])
    if "area" not in fields:
        fields["area"] = AreaFactory()
    audiences = fields.pop("audiences", ["anyone"])
    return fields, audiences


def term(model, code):
    """The row of a vocabulary term (``Sector``, ``Audience``…) in the default language."""
    return model.objects.get(code=code, locale=Locale.get_default())


def terms(model, codes):
    """The rows of vocabulary terms in the default language."""
    return model.objects.filter(code__in=codes, locale=Locale.get_default())


def _finish(parent, page, audiences):
    page.audiences.set(terms(Audience, audiences))
    return add_child(parent, page)


def create_placement(parent=None, **fields):
    parent = parent or create_partner_page()
    # Before _common, whose generic default ("regular") suits calls and projects.
    fields.setdefault("commitment", Commitment.JOB)
    fields, audiences = _common(fields)
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


DEFAULT_TEST_PASSWORD = "a long test password 42"


def verified_user(email=None, password=DEFAULT_TEST_PASSWORD, **fields):
    """A user whose primary email address allauth already counts as verified.

    allauth refuses to log in a user without a verified address (mandatory
    verification), so tests that log in through the real form need this.
    """
    from allauth.account.models import EmailAddress

    if email is not None:
        fields["email"] = email
    user = UserFactory(**fields)
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": True}
    )
    return user


def with_mfa(user):
    """Give ``user`` an active TOTP authenticator; returns its secret.

    Accounts that can reach /admin/ must have one (the admin refuses them
    otherwise), so admin tests call this before ``client.force_login``.
    """
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    """The code an authenticator app would show now for ``secret``."""
    import time

    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def translate_page(page, language_code="it", **fields):
    """Copy ``page`` into another language, set ``fields`` on the copy and
    publish it, as an editor does with "Translate" in the admin.

    Parents not yet translated are created as aliases of the originals
    (Wagtail's ``copy_parents``); translate them first to give them their own
    content. A page already translated has its translation updated.
    """
    locale = Locale.objects.get(language_code=language_code)
    if page.has_translation(locale):
        translation = page.get_translation(locale).specific
    else:
        translation = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def moderator(email=None, **fields):
    """A verified user in the cooperative's Moderators group."""
    from django.contrib.auth.models import Group

    user = verified_user(email, **fields)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def create_approved_organisation(admin=None, *, approved_by=None, **fields):
    """An organisation approved through partners.services, so it has its
    group, partner page(s), collection and ``admin`` as its administrator."""
    from django.utils.text import slugify

    from partners import services

    create_partner_index()
    fields.setdefault("status", Organisation.Status.PENDING)
    if "name" in fields:
        fields.setdefault("slug", slugify(fields["name"]))
    organisation = OrganisationFactory(applicant=admin or verified_user(), **fields)
    return services.approve_organisation(organisation, approved_by=approved_by)


def add_member(organisation, user, role=None):
    """Make ``user`` a member of ``organisation`` (an editor unless ``role``
    says otherwise) and give them its group's rights, as accepting an
    invitation does."""
    from partners import services
    from partners.models import Membership

    Membership.objects.create(
        user=user, organisation=organisation, role=role or Membership.Role.EDITOR
    )
    services.sync_group(organisation)
    return user


def login_with_mfa(client, user):
    """Log ``user`` in as if through the password form and the TOTP step, so
    the session carries allauth's record of both authentication methods."""
    import time

    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    client.force_login(user)
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


# --- Community: places, assets, networks ------------------------------------------------


def create_map_page(**fields):
    from cooperativa.community.models import AssetMapPage

    existing = AssetMapPage.objects.filter(locale=Locale.get_default()).first()
    if existing:
        return existing
    fields.setdefault("title", "Community map")
    fields.setdefault("slug", "map")
    return add_child(home_page(), AssetMapPage(**fields))


def create_network_index(**fields):
    from cooperativa.community.models import NetworkIndexPage

    existing = NetworkIndexPage.objects.filter(locale=Locale.get_default()).first()
    if existing:
        return existing
    fields.setdefault("title", "Support networks")
    fields.setdefault("slug", "networks")
    return add_child(home_page(), NetworkIndexPage(**fields))


def town_centre(area, latitude="45.070000", longitude="7.686000"):
    from cooperativa.community.models import TownCentre

    return TownCentre.objects.update_or_create(
        area=area, defaults={"latitude": latitude, "longitude": longitude}
    )[0]


def create_place(organisation, **fields):
    from cooperativa.community.models import Place

    fields.setdefault("name", "Bakery and café")
    if "area" not in fields:
        fields["area"] = AreaFactory()
    fields.setdefault("address", "Via Fossata 57, Torino")
    if not fields.get("town_only"):
        fields.setdefault("latitude", "45.092140")
        fields.setdefault("longitude", "7.685310")
    return Place.objects.create(organisation=organisation, **fields)


def create_asset(place, asset_type="rooms", **fields):
    from cooperativa.community.models import Asset
    from partners.models import AssetType

    if isinstance(asset_type, str):
        asset_type = term(AssetType, asset_type)
    fields.setdefault("description", "A room for twenty people, with a kitchen.")
    fields.setdefault("availability", "Weekday evenings")
    fields.setdefault("how_to_ask", "Phone the office in the morning.")
    return Asset.objects.create(place=place, asset_type=asset_type, **fields)


def make_assets(count, *, organisations=3, asset_types=("rooms", "jobs", "training")):
    """``count`` assets spread over a few approved organisations with live
    partner pages, their places and areas: bulk-created, for query-count
    tests and the benchmark."""
    from cooperativa.community.models import Asset, Place
    from partners.models import AssetType

    types = list(terms(AssetType, asset_types))
    areas = [AreaFactory() for _ in range(3)]
    pages = [create_partner_page() for _ in range(organisations)]
    places = Place.objects.bulk_create(
        Place(
            organisation=pages[n % organisations].organisation,
            name=f"Place {n}",
            area=areas[n % len(areas)],
            address=f"Via Roma {n}",
            latitude=45 + n / 10000,
            longitude=7.6 + n / 10000,
            public_latitude=45 + n / 10000,
            public_longitude=7.6 + n / 10000,
        )
        for n in range(max(1, count // 2))
    )
    return Asset.objects.bulk_create(
        Asset(
            place=places[n % len(places)],
            asset_type=types[n % len(types)],
            description=f"Asset {n}",
            how_to_ask="Write to us.",
        )
        for n in range(count)
    )


def create_network(parent=None, **fields):
    from cooperativa.community.models import NetworkPage
    from cooperativa.opportunities.models import Audience

    parent = parent or create_partner_page()
    n = next(_counter)
    fields.setdefault("title", f"Network {n}")
    fields.setdefault("slug", f"network-{n}")
    fields.setdefault("network_kind", NetworkPage.Kind.MENTORING)
    fields.setdefault("intro", "Volunteers who meet people leaving prison, once a week.")
    if "area" not in fields:
        fields["area"] = AreaFactory()
    audiences = fields.pop("audiences", ["after_release"])
    meetings = fields.pop("meetings", [])
    page = NetworkPage(**fields)
    page.audiences.set(terms(Audience, audiences))
    for meeting in meetings:
        meeting.setdefault("area", fields["area"])
        page.meetings.add(page.meetings.model(**meeting))
    return add_child(parent, page)


def name_partners(project, *organisations):
    """Name ``organisations`` as partners of ``project`` and record that
    each accepted, as co-design asks before anyone is named publicly.
    Republishes the project."""
    from cooperativa.codesign import services as codesign

    project.partner_organisations.add(*organisations)
    project.save_revision().publish()
    for partnership in codesign.ask_named_partners(project, by=None):
        codesign.answer(partnership, by=None, accept=True)
    return project
