"""Load the demo site from its data files (``data/*.yaml``) and images
(``images/``): vocabularies, organisations, pages in English and Italian,
navigation and contact settings.

Everything goes through the platform's own ways in: organisations are
approved by ``partners.services.approve_organisation`` (group, media
collection, page permissions), pages are added with Wagtail's page API and
published as revisions, and Italian pages are translations copied from the
English ones.

Every step looks for what it would create before creating it, so running the
loader again adds only what is missing and never changes or deletes what is
there: an editor's changes to a demo page survive. Demo pages carry a
translation key derived from their name, which finds them again even after
an editor renames them or changes their slug.
"""

import contextlib
import datetime
import uuid
from collections import Counter
from functools import cache
from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.utils.file import hash_filelike

from cooperativa.community.models import (
    Asset,
    AssetMapPage,
    NetworkIndexPage,
    NetworkMeeting,
    NetworkPage,
    Place,
    TownCentre,
)
from cooperativa.core.vocabularies import default_language_only
from cooperativa.opportunities.models import (
    Audience,
    CallPage,
    OpportunityIndexPage,
    PlacementPage,
    ProjectPage,
    ProjectStageChange,
    ProjectUpdate,
    Sector,
)
from home.models import (
    ContactSettings,
    FooterItem,
    HomePage,
    MainMenuItem,
    NavigationSettings,
    StandardPage,
)
from partners.models import Area, AssetType, Organisation, PartnerIndexPage, PartnerPage

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"
IMAGES_DIR = HERE / "images"
COLLECTION_NAME = "Demo"
LANGUAGES = ("en", "it")
# A fixed namespace makes the demo's translation keys the same on every
# machine and every run.
KEY_NAMESPACE = uuid.UUID("6f1c2a52-3b0e-4c61-9a57-1d2f0c7e8b90")
# Vocabularies that the demo creates from vocabularies.yaml: key -> model.
VOCABULARIES = {"areas": Area}
# Item keys that are not page fields: the loader turns them into pages,
# dates and relations; every other shared key is set on the page as it is.
NOT_FIELDS = {"key", "host", "area", "sector", "audiences", "image", "support", "event", "partners"}
NOT_FIELDS |= {"linked", "updates", "starts_in", "closes_in", "ends_in", "en", "it"}
NOT_FIELDS |= {"consent", "codesign", "signed", "stages"}


class DemoError(Exception):
    """The database is not ready for the demo (e.g. not migrated)."""


@cache
def read(name):
    """The content of ``data/<name>.yaml``."""
    return yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


def demo_organisation_slugs():
    return [data["slug"] for data in read("organisations")]


def demo_key(name):
    return uuid.uuid5(KEY_NAMESPACE, f"cooperativa-demo:{name}")


@contextlib.contextmanager
def indexing_deferred():
    """Skip the search and reference index updates that every save triggers,
    for a caller that rebuilds both indexes once at the end: several times
    faster than updating them page by page."""
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def load_vocabularies():
    """The shared vocabularies the demo refers to: those in VOCABULARIES are
    looked up by slug and created when missing (never changed), the others
    are fixed lists from the migrations. Returns ``(lookups, number created)``
    where ``lookups[name][slug or code]`` is the row."""
    data = read("vocabularies")
    lookups, created = {}, 0
    for name, model in VOCABULARIES.items():
        lookups[name] = {}
        for row in data[name]:
            fields = dict(row)
            slug = fields.pop("slug")
            lookups[name][slug], new = model.objects.get_or_create(slug=slug, defaults=fields)
            created += new
    # Pages and organisations point at the default language's rows; the other
    # languages' rows only give the labels.
    for name, model in (("assets", AssetType), ("audiences", Audience), ("sectors", Sector)):
        lookups[name] = {row.code: row for row in model.objects.filter(default_language_only())}
    return lookups, created


def steps():
    """How many steps a full load has, for a progress bar."""
    return 4 + sum(len(read(name)) for name in ("organisations", "placements", "calls", "projects"))


class DemoLoader:
    """Loads the demo once per call of ``load()``; ``progress`` (a tqdm bar,
    optional) advances by one step per item."""

    def __init__(self, today=None, progress=None):
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        self.advance = progress.update if progress is not None else (lambda n=1: None)
        self.created = Counter()
        # Pages by key, per language: what bodies, menus and projects link to.
        self.pages = {language: {} for language in LANGUAGES}
        self.images = {}
        self.alt = {}

    def load(self):
        with transaction.atomic():
            self._locales()
            self.vocabularies, added = load_vocabularies()
            if added:
                self.created["Vocabulary entry"] += added
            self._illustrations()
            self._site_pages()
            self._organisations()
            # The offsets spread publication dates across the three kinds.
            for model, name, offset, prepare in (
                (PlacementPage, "placements", 0, None),
                (CallPage, "calls", 3, None),
                (ProjectPage, "projects", 7, self._project),
            ):
                for position, item in enumerate(read(name)):
                    self._opportunity(model, item, position + offset, prepare)
            self._community()
            self._settings()
        return self.created

    # --- Pages: create once, translate once ----------------------------------

    def _stream(self, blocks, language):
        """StreamField data for a body written as a list of blocks."""
        data = []
        for block in blocks:
            if "heading" in block:
                value = {"text": block["heading"], "level": "h2"}
                data.append({"type": "heading", "value": value})
            elif "paragraph" in block:
                data.append({"type": "paragraph", "value": block["paragraph"]})
            elif "quote" in block:
                value = {"text": block["quote"], "attribution": block["by"]}
                data.append({"type": "quote", "value": value})
            elif "cta" in block:
                page = self.pages[language][block["page"]]
                value = {"text": block["cta"], "page": page.pk, "url": ""}
                data.append(
                    {"type": "call_to_action", "value": {**value, "button_label": block["button"]}}
                )
            elif "image" in block:
                key = block["image"]
                value = {"image": self.images[key].pk, "alt_text": self.alt[key][language]}
                data.append({"type": "image", "value": {**value, "caption": block["caption"]}})
            else:
                raise DemoError(f"Unknown block in the demo content: {block}")
        return data

    def _fields(self, content, language):
        """A language block's page fields, its body as StreamField data."""
        fields = dict(content)
        if "body" in fields:
            fields["body"] = self._stream(fields["body"], language)
        return fields

    def _publish_new(self, parent, page, key=None):
        if key is not None:
            page.translation_key = demo_key(key)
        page.slug = find_available_slug(parent, page.slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created[type(page).__name__] += 1
        return page

    def _existing(self, key, model=Page):
        return model.objects.filter(
            translation_key=demo_key(key), locale=self.locales["en"]
        ).first()

    def _translate(self, source, language, fields, prepare=None):
        """The page's translation: found, or copied from ``source`` with
        ``fields`` set and published."""
        existing = source.get_translation_or_none(self.locales[language])
        if existing is not None:
            return existing.specific
        page = source.copy_for_translation(self.locales[language]).specific
        fields = dict(fields)
        slug = fields.pop("slug", page.slug)
        for name, value in fields.items():
            setattr(page, name, value)
        page.slug = find_available_slug(page.get_parent(), slug, ignore_page_id=page.pk)
        if prepare:
            prepare(page, language)
        page.save_revision().publish()
        self.created[type(page).__name__] += 1
        return page

    def _both(self, key, english, content):
        """Record the English page and its Italian translation under ``key``."""
        self.pages["en"][key] = english
        self.pages["it"][key] = self._translate(english, "it", self._fields(content["it"], "it"))

    # --- Steps ---------------------------------------------------------------

    def _locales(self):
        default = Locale.get_default()
        if default.language_code != "en":
            raise DemoError("The demo expects English as the default language (LANGUAGE_CODE).")
        italian = Locale.objects.filter(language_code="it").first()
        if italian is None:
            raise DemoError("The Italian locale is missing: run `manage.py migrate` first.")
        self.locales = {"en": default, "it": italian}

    def _image(self, title, description, filename):
        image_model = get_image_model()
        image = image_model.objects.filter(collection=self.collection, title=title).first()
        if image is None:
            path = IMAGES_DIR / filename
            with path.open("rb") as file:
                image = image_model(
                    title=title,
                    description=description,
                    collection=self.collection,
                    file=ImageFile(file, name=path.name),
                    file_size=path.stat().st_size,
                    # The hash Wagtail uses to spot duplicate uploads.
                    file_hash=hash_filelike(file),
                )
                image.save()
            self.created["Image"] += 1
        return image

    def _illustrations(self):
        root = Collection.get_first_root_node()
        self.collection = root.get_children().filter(name=COLLECTION_NAME).first()
        if self.collection is None:
            self.collection = root.add_child(name=COLLECTION_NAME)
        for key, spec in read("images").items():
            self.images[key] = self._image(spec["title"], spec["alt"]["en"], spec["file"])
            self.alt[key] = spec["alt"]
        self.advance()

    def _site_pages(self):
        site = read("site")
        home = HomePage.objects.filter(locale=self.locales["en"]).first()
        if home is None:
            raise DemoError("There is no home page: run `manage.py migrate` first.")
        # Children need their parent's translation, so the Italian home page
        # comes first; its body, which links to its children, comes last.
        fields = {"title": home.title, "intro": site["home"]["it"]["intro"], "body": []}
        self.home = {"en": home, "it": self._translate(home, "it", fields)}

        for key, hub in site["hubs"].items():
            english = self._existing(key, OpportunityIndexPage) or (
                OpportunityIndexPage.objects.child_of(home).filter(kind=hub["kind"]).first()
            )
            if english is None:
                page = OpportunityIndexPage(kind=hub["kind"], **hub["en"])
                english = self._publish_new(home, page, key)
            self._both(key, english, hub)

        english = PartnerIndexPage.objects.filter(locale=self.locales["en"]).first()
        if english is None:
            english = self._publish_new(
                home, PartnerIndexPage(**site["partner_index"]["en"]), "partners"
            )
        self._both("partners", english, site["partner_index"])

        for key, content in site["standard_pages"].items():
            english = self._existing(key, StandardPage)
            if english is None:
                page = StandardPage(**self._fields(content["en"], "en"))
                english = self._publish_new(home, page, key)
            self._both(key, english, content)

        for language in LANGUAGES:
            # Fresh from the database: publishing writes the tree fields back,
            # and the Italian home page gained its children through copies.
            page = HomePage.objects.get(pk=self.home[language].pk)
            # An empty body means nobody has written the home page yet.
            if not page.body:
                page.intro = site["home"][language]["intro"]
                page.body = self._stream(site["home"][language]["body"], language)
                page.social_image = self.images["town"]
                page.save_revision().publish()
                self.created["HomePage (content)"] += 1
        self.advance()

    def _organisations(self):
        """Each organisation is recorded as a pending application, gets its
        partner page in both languages, and is approved by the partners
        service, which provisions its group, media collection and page
        permissions as for any partner."""
        from partners.services import approve_organisation

        self.organisations = {}
        self.partner_pages = {language: {} for language in LANGUAGES}
        vocabularies = self.vocabularies
        for data in read("organisations"):
            organisation = Organisation.objects.filter(slug=data["slug"]).first()
            if organisation is None:
                names = ("slug", "name", "kind", "legal_form", "address", "phone", "description")
                fields = {name: data[name] for name in (*names, "latitude", "longitude")}
                organisation = Organisation.objects.create(
                    **fields,
                    website=f"https://{data['slug']}.example.org/",
                    email=f"info@{data['slug']}.example.org",
                    logo=self._image(
                        f"Logo: {data['name']}", f"Logo of {data['name']}", data["logo"]
                    ),
                    status=Organisation.Status.PENDING,
                )
                organisation.areas.set([vocabularies["areas"][slug] for slug in data["areas"]])
                assets = vocabularies["assets"]
                organisation.assets.set([assets[code] for code in data["assets"] if code in assets])
                self.created["Organisation"] += 1

            english = PartnerPage.objects.filter(
                organisation=organisation, locale=self.locales["en"]
            ).first()
            if english is None:
                fields = self._fields(data["en"], "en")
                page = PartnerPage(
                    title=organisation.name,
                    slug=organisation.slug,
                    organisation=organisation,
                    **fields,
                )
                english = self._publish_new(self.pages["en"]["partners"], page)
            italian = self._translate(english, "it", self._fields(data["it"], "it"))
            if organisation.status == Organisation.Status.PENDING:
                organisation = approve_organisation(organisation, approved_by=None)
            self.organisations[data["slug"]] = organisation
            self.partner_pages["en"][data["slug"]] = english
            self.partner_pages["it"][data["slug"]] = italian
            self.advance()

    def _date(self, days):
        return None if days is None else self.today + datetime.timedelta(days=days)

    def _page_fields(self, item, language):
        fields = self._fields(item[language], language)
        image = self.images.get(item.get("image"))
        fields.update(image=image, image_alt=self.alt[item["image"]][language] if image else "")
        return fields

    def _english_page(self, model, item, position):
        page = model(**self._page_fields(item, "en"))
        for name, value in item.items():
            if name not in NOT_FIELDS:
                setattr(page, name, value)
        for name in item.get("support", []):
            setattr(page, f"support_{name}", True)
        for name in ("starts", "closes", "ends"):
            if f"{name}_in" in item:
                setattr(page, f"{name}_on", self._date(item[f"{name}_in"]))
        if event := item.get("event"):
            hour, minute = (int(part) for part in event["at"].split(":"))
            starts = datetime.datetime.combine(
                self._date(event["in_days"]), datetime.time(hour, minute)
            )
            page.event_starts_at = timezone.make_aware(starts)
            page.event_ends_at = page.event_starts_at + datetime.timedelta(minutes=event["minutes"])
        page.area = self.vocabularies["areas"][item["area"]]
        if "sector" in item:
            page.sector = self.vocabularies["sectors"][item["sector"]]
        # Spread publication dates so "newest first" mixes hosts and types.
        page.first_published_at = self.now - datetime.timedelta(days=(position * 5) % 37 + 1)
        audiences = self.vocabularies["audiences"]
        page.audiences.set([audiences[code] for code in item["audiences"] if code in audiences])
        return page

    def _opportunity(self, model, item, position, prepare=None):
        """Create (once) an opportunity and its Italian translation."""
        key = f"{model.kind_code}:{item['key']}"
        english = self._existing(key, model)
        if english is None:
            page = self._english_page(model, item, position)
            if prepare:
                prepare(page, "en", item)
            english = self._publish_new(self.partner_pages["en"][item["host"]], page, key)
            if model is ProjectPage:
                self._codesign(english, item)

        def prepare_italian(page, language):
            page.first_published_at = english.first_published_at
            if prepare:
                prepare(page, language, item)

        fields = self._page_fields(item, "it")
        self.pages["en"][key] = english
        self.pages["it"][key] = self._translate(english, "it", fields, prepare_italian)
        self.advance()

    def _linked_page(self, language, key):
        for kind in ("placement", "call"):
            if page := self.pages[language].get(f"{kind}:{key}"):
                return page
        raise DemoError(f"A demo project links to an unknown opportunity: {key}")

    def _project(self, page, language, item):
        if language == "en":
            page.partner_organisations.set([self.organisations[slug] for slug in item["partners"]])
        page.linked_opportunities.set([self._linked_page(language, key) for key in item["linked"]])
        page.updates = [
            ProjectUpdate(
                date=self.today - datetime.timedelta(days=update["days_ago"]),
                title=update[language]["title"],
                text=update[language]["text"],
            )
            for update in item["updates"]
        ]
        page.stage_changes = [
            ProjectStageChange(
                date=self.today - datetime.timedelta(days=change["days_ago"]),
                stage=change["stage"],
                note=change[language],
            )
            for change in item.get("stages", [])
        ]

    def _codesign(self, page, item):
        """Co-design through its services: the named partners are asked and
        (unless the data leaves the question open) accept; a project may then
        wait for sign-offs or go through the whole Co-design workflow."""
        from cooperativa.codesign import services, signoff

        for partnership in services.ask_named_partners(page, by=None):
            if item.get("consent") != "asked":
                services.answer(partnership, by=None, accept=True)
        if "codesign" not in item:
            return
        workflow_state = page.get_workflow().start(page, None)
        task_state = signoff.current_sign_off_state(page)
        signed = item.get("signed")
        organisations = signoff.due(task_state)
        if signed is not None:
            organisations = [org for org in organisations if org.slug in signed]
        signoff.record(task_state, organisations, by=None, approve=True)
        if item["codesign"] == "published":
            # The panel (skipped while it has no members) and the moderators.
            while workflow_state.status == workflow_state.STATUS_IN_PROGRESS:
                workflow_state.current_task_state.specific.approve(user=None)
                workflow_state.refresh_from_db()

    # --- Community: the map, places and assets, networks ----------------------

    def _community(self):
        """The map and network hubs, the towns' centres, places with their
        assets (looked up by organisation and name) and a network of each
        kind with its meetings, in both languages."""
        data = read("community")
        areas = self.vocabularies["areas"]
        for key, name, model in (
            ("map", "map_page", AssetMapPage),
            ("networks", "network_index", NetworkIndexPage),
        ):
            english = (
                self._existing(key, model)
                or model.objects.filter(locale=self.locales["en"]).first()
            )
            if english is None:
                english = self._publish_new(self.home["en"], model(**data[name]["en"]), key)
            self._both(key, english, data[name])

        for slug, (latitude, longitude) in data["town_centres"].items():
            _centre, new = TownCentre.objects.get_or_create(
                area=areas[slug], defaults={"latitude": latitude, "longitude": longitude}
            )
            if new:
                self.created["Town centre"] += 1

        for item in data["places"]:
            organisation = self.organisations[item["organisation"]]
            if Place.objects.filter(organisation=organisation, name=item["name"]).exists():
                continue
            fields = {
                name: value
                for name, value in item.items()
                if name not in ("organisation", "area", "assets")
            }
            place = Place.objects.create(
                organisation=organisation, area=areas[item["area"]], **fields
            )
            self.created["Place"] += 1
            for asset in item["assets"]:
                fields = {name: value for name, value in asset.items() if name != "type"}
                Asset.objects.create(
                    place=place, asset_type=self.vocabularies["assets"][asset["type"]], **fields
                )
                self.created["Community asset"] += 1

        for item in data["networks"]:
            self._network(item)
        self.advance()

    def _meetings(self, item, language):
        meetings = []
        for meeting in item["meetings"]:
            hour, minute = (int(part) for part in meeting["at"].split(":"))
            starts = datetime.datetime.combine(
                self._date(meeting["in_days"]), datetime.time(hour, minute)
            )
            meetings.append(
                NetworkMeeting(
                    starts_at=timezone.make_aware(starts),
                    duration_minutes=meeting["minutes"],
                    repeats=meeting["repeats"],
                    area=self.vocabularies["areas"][meeting["area"]],
                    **meeting[language],
                )
            )
        return meetings

    def _network(self, item):
        english = self._existing(item["key"], NetworkPage)
        audiences = self.vocabularies["audiences"]
        if english is None:
            page = NetworkPage(
                network_kind=item["network_kind"],
                area=self.vocabularies["areas"][item["area"]],
                **item["en"],
            )
            page.audiences.set([audiences[code] for code in item["audiences"]])
            page.meetings = self._meetings(item, "en")
            parent = self.partner_pages["en"][item["organisation"]]
            english = self._publish_new(parent, page, item["key"])

        def prepare_italian(page, language):
            page.meetings = self._meetings(item, language)

        self.pages["en"][item["key"]] = english
        self.pages["it"][item["key"]] = self._translate(english, "it", item["it"], prepare_italian)

    def _settings(self):
        site_data = read("site")
        site = self.home["en"].get_site() or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return
        navigation = NavigationSettings.for_site(site)
        for model, keys, label in (
            (MainMenuItem, site_data["main_menu"], "Main menu item"),
            (FooterItem, site_data["footer"], "Footer link"),
        ):
            if not model.objects.filter(setting=navigation).exists():
                for order, key in enumerate(keys):
                    model.objects.create(
                        setting=navigation, page=self.pages["en"][key], sort_order=order
                    )
                self.created[label] += len(keys)

        contact = ContactSettings.for_site(site)
        if not (contact.email or contact.phone or contact.address):
            for name, value in site_data["contact"].items():
                setattr(contact, name, value)
            contact.save()
            self.created["Contact details"] += 1
        self.advance()
