"""The page tree's rules, every page type rendering, and the home and
standard pages with the body blocks."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cooperativa.community.models import AssetMapPage, NetworkIndexPage, NetworkPage
from cooperativa.opportunities.models import (
    CallPage,
    OpportunityIndexPage,
    OpportunityPage,
    PlacementPage,
    ProjectPage,
)
from home.models import HomePage, StandardPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import (
    UserFactory,
    create_call,
    create_hub,
    create_partner_index,
    create_partner_page,
    create_placement,
    create_project,
    create_standard_page,
    home_page,
    translate_page,
    with_mfa,
)
from tests.helpers import soup

OPPORTUNITY_TYPES = (PlacementPage, CallPage, ProjectPage)


def create_accessibility_statement(parent, **fields):
    fields.setdefault("title", "Accessibility statement")
    fields.setdefault("slug", "accessibility")
    fields.setdefault("intro", "How we make the site work for everyone.")
    fields.setdefault("body", [("paragraph", RichText("<p>We test with screen readers.</p>"))])
    return create_standard_page(parent, **fields)


class PageTreeRulesTests(WagtailPageTestCase):
    """Where each page type may go: the tree is what gives each partner
    organisation exactly its own pages to edit."""

    def test_home_page(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # Wagtail lists its bare Page as allowed anywhere it is not excluded,
        # but never lets editors create one: what they can add is the rest.
        hubs = {OpportunityIndexPage, PartnerIndexPage, AssetMapPage, NetworkIndexPage}
        self.assertAllowedSubpageTypes(HomePage, {Page, StandardPage, *hubs})
        self.assertEqual(set(HomePage.creatable_subpage_models()), {StandardPage, *hubs})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(PartnerPage, StandardPage)

    def test_partner_directory_and_profiles(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerPage, {*OPPORTUNITY_TYPES, NetworkPage})
        self.assertCanNotCreateAt(HomePage, PartnerPage)
        self.assertCanNotCreateAt(StandardPage, PartnerIndexPage)

    def test_hubs_are_leaves_under_the_home_page(self):
        self.assertAllowedParentPageTypes(OpportunityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(OpportunityIndexPage, set())
        self.assertCanCreateAt(HomePage, OpportunityIndexPage)
        self.assertCanNotCreateAt(PartnerPage, OpportunityIndexPage)

    def test_opportunities_live_only_under_a_partner_page(self):
        for model in OPPORTUNITY_TYPES:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {PartnerPage})
                self.assertAllowedSubpageTypes(model, set())
                self.assertCanCreateAt(PartnerPage, model)
                self.assertCanNotCreateAt(HomePage, model)
                self.assertCanNotCreateAt(OpportunityIndexPage, model)
                self.assertCanNotCreateAt(PartnerIndexPage, model)
        # The shared base is never created on its own.
        self.assertCanNotCreateAt(PartnerPage, OpportunityPage)


class PageRenderingTests(WagtailPageTestCase):
    def test_every_page_type_renders(self):
        partner = create_partner_page()
        pages = {
            "home": home_page(),
            "standard": create_accessibility_statement(home_page()),
            "partner index": create_partner_index(),
            "partner": partner,
            "hub": create_hub("placement"),
            "placement": create_placement(partner),
            "call": create_call(partner),
            "project": create_project(partner),
        }
        for name, page in pages.items():
            with self.subTest(page=name):
                self.assertPageIsRenderable(page)

    def test_home_and_standard_pages_preview(self):
        # Admin accounts must have two-factor authentication to open the editor.
        editor = UserFactory(is_superuser=True, is_staff=True)
        with_mfa(editor)
        # The body is edited by JavaScript in the admin, so the form data is
        # written out here rather than read from the edit form's HTML.
        body = streamfield(
            [
                ("heading", {"text": "How to take part", "level": "h2"}),
                ("paragraph", rich_text("<p>Come to a coffee morning.</p>")),
            ]
        )
        home = home_page()
        self.assertPageIsPreviewable(
            home,
            user=editor,
            post_data=nested_form_data(
                {
                    "title": home.title,
                    "slug": home.slug,
                    "intro": home.intro,
                    "body": body,
                    "comments": inline_formset([]),
                }
            ),
        )
        page = create_accessibility_statement(home)
        self.assertPageIsPreviewable(
            page,
            user=editor,
            post_data=nested_form_data(
                {
                    "title": "Privacy",
                    "slug": page.slug,
                    "intro": "",
                    "body": body,
                    "comments": inline_formset([]),
                }
            ),
        )


# --- The home page -----------------------------------------------------------------------


@pytest.mark.django_db
def test_home_page_in_english_at_the_root(client, home):
    page_soup = soup(client.get("/"))
    assert page_soup.html["lang"] == "en"
    assert page_soup.h1.get_text(strip=True) == home.title
    assert home.intro in page_soup.find(class_="hero").get_text()
    # The home page's title is the site's name: said once.
    assert page_soup.title.get_text() == "Cooperativa"


@pytest.mark.django_db
def test_home_page_in_italian_under_it(client, home):
    italian = home.copy_for_translation(Locale.objects.get(language_code="it"))
    italian.intro = "Trova un modo per partecipare, da un caffè a un tirocinio pagato."
    italian.save_revision().publish()

    response = client.get("/it/")
    assert response.status_code == 200
    page_soup = soup(response)
    assert page_soup.html["lang"] == "it"
    assert "Trova un modo per partecipare" in page_soup.find(class_="hero").get_text()
    assert client.get("/").content.decode().count("Trova un modo") == 0


@pytest.mark.django_db
def test_home_page_offers_the_hubs_that_exist_as_ways_in(client, home):
    create_hub("placement", title="Work placements")
    create_hub("", title="All opportunities")
    create_partner_index(title="Our partners")

    ways_in = soup(client.get("/")).find(id="ways-in-heading").find_parent("section")
    links = [(a.get_text(strip=True), a["href"]) for a in ways_in.find_all("a")]
    # Everything first, then each type; calls and projects have no hub yet.
    assert links == [
        ("All opportunities", "/opportunities/"),
        ("Work placements", "/placements/"),
        ("Our partners", "/partners/"),
    ]


@pytest.mark.django_db
def test_home_page_without_hubs_has_no_empty_sections(client, home):
    page_soup = soup(client.get("/"))
    assert page_soup.find(id="ways-in-heading") is None
    assert page_soup.find(id="featured-heading") is None


@pytest.mark.django_db
def test_home_page_features_recent_open_opportunities(client, home):
    create_placement(title="Kitchen assistant at the community café")
    create_call(title="Become a mentor")

    featured = soup(client.get("/")).find(id="featured-heading").find_parent("section")
    titles = [
        card.find(class_="card__title").get_text(strip=True)
        for card in featured.find_all(class_="card")
    ]
    assert set(titles) == {"Kitchen assistant at the community café", "Become a mentor"}


@pytest.mark.django_db
def test_body_blocks_render_accessibly(client, home):
    hub = create_hub("placement", title="Placements")
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (40, 120, 90)).save(buffer, "PNG")
    image = Image.objects.create(title="garden", file=ImageFile(buffer, name="garden.png"))
    document = Document.objects.create(
        title="Annual report 2024", file=ContentFile(b"x" * 2048, name="report.pdf")
    )
    home.body = [
        ("heading", {"text": "How to take part", "level": "h2"}),
        ("paragraph", RichText("<p>Come to a <b>coffee morning</b>.</p>")),
        (
            "image",
            {
                "image": image,
                "alt_text": "People planting tomatoes in a garden",
                "caption": "The community garden in Collegno",
            },
        ),
        (
            "quote",
            {
                "text": "Working here gave me a reason to get up.",
                "attribution": "A placement participant",
            },
        ),
        (
            "call_to_action",
            {
                "text": "Find a placement near you.",
                "page": hub,
                "url": "",
                "button_label": "See placements",
            },
        ),
        ("document", {"document": document, "title": ""}),
        (
            "table",
            {
                "data": [["Day", "Hours"], ["Monday", "9–13"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Opening hours",
            },
        ),
    ]
    home.save_revision().publish()

    main = soup(client.get("/")).find("main")
    assert main.find("h2", string="How to take part")
    assert main.find("b", string="coffee morning")

    img = main.find("figure", class_="block-image").img
    assert img["alt"] == "People planting tomatoes in a garden"
    assert img["width"] and img["height"]
    # Sized for the screen: WebP for browsers that read it, JPEG otherwise.
    assert "sizes" in img.attrs and ".jpg" in img["srcset"]
    webp = main.find("figure", class_="block-image").find("source", type="image/webp")
    assert webp["sizes"] and webp["srcset"].count(".webp") == 3
    assert main.find("figcaption", string="The community garden in Collegno")

    quote = main.find("figure", class_="block-quote")
    assert "reason to get up" in quote.blockquote.get_text()
    assert quote.figcaption.get_text(strip=True) == "A placement participant"

    assert main.find("a", class_="button", string="See placements")["href"] == "/placements/"

    document_link = main.find("p", class_="document-link").a
    assert "Annual report 2024" in document_link.get_text()
    assert "(PDF, 2.0 KB)" in " ".join(document_link.get_text().split())

    table = main.find("table")
    assert table.caption.get_text(strip=True) == "Opening hours"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col", "col"]
    assert table.tbody.find("td", string="Monday")


@pytest.mark.django_db
def test_call_to_action_leads_to_the_page_in_the_reader_s_language(client, home):
    hub = create_hub("placement", title="Placements")
    home.body = [
        (
            "call_to_action",
            {"text": "Find a placement.", "page": hub, "url": "", "button_label": "See placements"},
        )
    ]
    home.save_revision().publish()
    translate_page(home)
    translate_page(hub, title="Tirocini", slug="tirocini")

    button = soup(client.get("/it/")).find("div", class_="call-to-action").a
    assert button["href"] == "/it/tirocini/"


# --- Standard pages ------------------------------------------------------------------------


@pytest.mark.django_db
def test_standard_page_shows_title_intro_body_and_its_subpages(client, home):
    page = create_accessibility_statement(home)
    create_accessibility_statement(page, title="Report a problem", slug="report")

    page_soup = soup(client.get("/accessibility/"))
    main = page_soup.find("main")
    assert main.h1.get_text(strip=True) == "Accessibility statement"
    assert main.find("p", class_="lead").get_text(strip=True) == page.intro
    assert "We test with screen readers." in main.get_text()
    section = main.find("nav", class_="section-nav")
    assert section.find("a", href="/accessibility/report/").get_text() == "Report a problem"
    assert main.find("time")


@pytest.mark.django_db
def test_block_previews_in_the_editor_wear_the_site_styles(client):
    editor = UserFactory(is_superuser=True, is_staff=True)
    with_mfa(editor)
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    quote = HomePage._meta.get_field("body").stream_block.child_blocks["quote"]

    response = client.get("/admin/block-preview/", {"id": quote.definition_prefix})
    assert response.status_code == 200
    page_soup = soup(response)
    assert page_soup.find("link", rel="stylesheet", href="/static/css/site.css")
    assert page_soup.find("figure", class_="block-quote").figcaption.get_text() == (
        "A placement participant"
    )
