"""A small, realistic site for the browser tests: hubs, two partners, a few
placements, calls and projects, a standard page and the Italian home page.

Built inside each test (the live server needs committed rows, and every
transactional test starts from the migrated database again).
"""

from dataclasses import dataclass, field

from wagtail.rich_text import RichText

from cooperativa.opportunities.models import Commitment
from home.models import StandardPage
from partners.models import Organisation
from tests.factories import (
    AreaFactory,
    OrganisationFactory,
    add_child,
    create_asset,
    create_call,
    create_hub,
    create_map_page,
    create_network,
    create_network_index,
    create_partner_page,
    create_place,
    create_placement,
    create_project,
    home_page,
    town_centre,
    translate_page,
)

ITALIAN_HOME_INTRO = "Trova il tuo modo di partecipare: da un caffè insieme a un tirocinio pagato."


@dataclass
class SiteContent:
    hubs: dict = field(default_factory=dict)
    partners: list = field(default_factory=list)
    placements: dict = field(default_factory=dict)
    calls: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    standard_page: StandardPage = None
    italian_home: object = None
    map_page: object = None
    network_index: object = None
    networks: list = field(default_factory=list)


def build_site():
    site = SiteContent()
    site.hubs = {kind: create_hub(kind) for kind in ("", "placement", "call", "project")}
    torino = AreaFactory(name="Torino", province="TO", region="Piemonte", slug="torino")
    bologna = AreaFactory(name="Bologna", province="BO", region="Emilia-Romagna", slug="bologna")

    ponte = create_partner_page(
        OrganisationFactory(
            name="Cooperativa Il Ponte",
            slug="il-ponte",
            kind=Organisation.Kind.COOPERATIVE_B,
            description="A laundry and a café in Torino that employ people on probation.",
        ),
        intro="We run a laundry and a community café where people on probation learn a trade.",
    )
    uepe = create_partner_page(
        OrganisationFactory(
            name="UEPE Bologna",
            slug="uepe-bologna",
            kind=Organisation.Kind.PUBLIC_SERVICE,
            legal_form=Organisation.LegalForm.PUBLIC_BODY,
            description="The probation office for the province of Bologna.",
        ),
        intro="The probation office of Bologna works with cooperatives and volunteers.",
    )
    site.partners = [ponte, uepe]

    # Each placement differs from the others in both audience and sector, so
    # either kind of filter separates "laundry" from the rest.
    site.placements = {
        "laundry": create_placement(
            ponte,
            title="Laundry assistant",
            slug="laundry-assistant",
            area=torino,
            sector="laundry",
            audiences=["probation"],
            paid=True,
            stipend="€600 a month",
            summary="Wash, iron and fold linen for hotels, with a tutor beside you.",
        ),
        "kitchen": create_placement(
            ponte,
            title="Kitchen helper in the community café",
            slug="kitchen-helper",
            area=torino,
            sector="catering",
            audiences=["work_release"],
            summary="Prepare lunches for the neighbourhood, twenty hours a week.",
        ),
        "garden": create_placement(
            uepe,
            title="Market gardener",
            slug="market-gardener",
            area=bologna,
            sector="agriculture",
            audiences=["after_release"],
            summary="Grow vegetables for the weekly market on the edge of the city.",
        ),
    }
    site.calls = [
        create_call(
            uepe,
            title="Become a volunteer mentor",
            slug="volunteer-mentor",
            area=bologna,
            sector="community",
            commitment=Commitment.REGULAR,
            audiences=["volunteers"],
            summary="Meet one person leaving prison every week for a year, with training.",
        ),
        create_call(
            ponte,
            title="Co-design workshop for the new bakery",
            slug="bakery-workshop",
            area=torino,
            sector="catering",
            commitment=Commitment.ONE_OFF,
            audiences=["lived_experience"],
            summary="Two hours to plan the bakery together, with coffee and cake.",
        ),
    ]
    site.projects = [
        create_project(
            ponte,
            title="A community garden in Barriera di Milano",
            slug="community-garden",
            area=torino,
            sector="agriculture",
            audiences=["anyone"],
            summary="Neighbours and people on probation turn a car park into a garden.",
        ),
    ]
    site.standard_page = add_child(
        home_page(),
        StandardPage(
            title="About Cooperativa",
            slug="about",
            intro="Who we are and how the site works.",
            body=[
                ("heading", {"text": "Who we are", "level": "h2"}),
                (
                    "paragraph",
                    RichText(
                        "<p>Social cooperatives, probation services and community groups "
                        "publish here what they do together.</p>"
                    ),
                ),
            ],
        ),
    )
    site.italian_home = translate_page(home_page(), "it", intro=ITALIAN_HOME_INTRO)
    add_community(site, torino, bologna)
    return site


# Every kind of public page, as an address on the site build_site() makes:
# the accessibility, Content Security Policy and security header tests all
# visit these (adding pages of their own where they need more).
PUBLIC_PAGES = {
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
    "partner directory": lambda site: "/partners/",
    "partner page": lambda site: site.partners[0].url,
    "search results": lambda site: "/search/?q=laundry",
    "standard page": lambda site: site.standard_page.url,
    "community map": lambda site: site.map_page.url,
    "network hub": lambda site: site.network_index.url,
    "network": lambda site: site.networks[0].url,
}

# The sign-in pages anyone may open.
SIGN_IN_PAGES = {
    "login": lambda site: "/accounts/login/",
    "signup": lambda site: "/accounts/signup/",
}


def add_community(site, torino, bologna):
    """The asset map and the network hub: the laundry's rooms and jobs in
    Torino, and a mentoring circle in Bologna shown at the town's centre."""
    import datetime

    from django.utils import timezone

    ponte, uepe = site.partners
    town_centre(torino, "45.070312", "7.686856")
    town_centre(bologna, "44.494190", "11.346520")
    laundry = create_place(ponte.organisation, name="Laundry", area=torino, step_free=True)
    create_asset(laundry, "jobs", description="Work placements in the laundry, with a tutor.")
    create_asset(laundry, "rooms", description="A room for twenty people, with a kitchen.")
    circle_room = create_place(
        uepe.organisation,
        name="Circle room",
        area=bologna,
        town_only=True,
        address="Via Riservata 3",
        latitude="44.512345",
        longitude="11.398765",
    )
    create_asset(
        circle_room, "mentoring", description="Where circles meet the person they support."
    )
    site.map_page = create_map_page()
    site.network_index = create_network_index()
    site.networks = [
        create_network(
            uepe,
            title="Circles of Support and Accountability",
            slug="circles",
            network_kind="cosa",
            area=bologna,
            who_for="<p>People coming home after a long sentence.</p>",
            volunteer_role="<p>Meet weekly as a circle.</p>",
            how_to_refer="<p>Probation officers write to our coordinator.</p>",
            path_enquiry="Come to an information evening.",
            meetings=[
                {
                    "title": "Circle evening",
                    "starts_at": timezone.now() + datetime.timedelta(days=2),
                    "repeats": "weekly",
                }
            ],
        )
    ]
