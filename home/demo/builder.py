"""Turn the demo content into a site: areas, organisations, pages in English
and Italian, images, navigation and contact settings.

Every step looks for what it would create before creating it, so running the
loader again adds only what is missing and never changes or deletes what is
there: an editor's changes to a demo page survive. Demo pages carry a
translation key derived from their name, which finds them again even after
an editor renames them or changes their slug.
"""

import datetime
import hashlib
import io
import uuid
from collections import Counter

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from cooperativa.opportunities.models import (
    Audience,
    CallPage,
    OpportunityIndexPage,
    PlacementPage,
    ProjectPage,
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
from home.vocabularies import default_language_only
from partners.models import Area, AssetType, Organisation, PartnerIndexPage, PartnerPage

from . import calls, images, organisations, placements, projects, sitepages

COLLECTION_NAME = "Demo"
LANGUAGES = ("en", "it")
# A fixed namespace makes the demo's translation keys the same on every
# machine and every run.
KEY_NAMESPACE = uuid.UUID("6f1c2a52-3b0e-4c61-9a57-1d2f0c7e8b90")


class DemoError(Exception):
    """The database is not ready for the demo (e.g. not migrated)."""


def demo_key(name):
    return uuid.uuid5(KEY_NAMESPACE, f"cooperativa-demo:{name}")


def stream(body, language, pages, illustrations):
    """StreamField data for a body given as ``(block type, value)`` pairs."""
    data = []
    for block_type, value in body:
        if block_type == "heading":
            data.append({"type": "heading", "value": {"text": value, "level": "h2"}})
        elif block_type == "paragraph":
            data.append({"type": "paragraph", "value": value})
        elif block_type == "quote":
            text, attribution = value
            data.append({"type": "quote", "value": {"text": text, "attribution": attribution}})
        elif block_type == "cta":
            text, page_key, label = value
            data.append(
                {
                    "type": "call_to_action",
                    "value": {
                        "text": text,
                        "page": pages[page_key].pk,
                        "url": "",
                        "button_label": label,
                    },
                }
            )
        elif block_type == "image":
            image_key, caption = value
            alt = images.ILLUSTRATIONS[image_key][2 if language == "en" else 3]
            data.append(
                {
                    "type": "image",
                    "value": {
                        "image": illustrations[image_key].pk,
                        "alt_text": alt,
                        "caption": caption,
                    },
                }
            )
        else:
            raise ValueError(f"Unknown block type in demo content: {block_type}")
    return data


class DemoBuilder:
    def __init__(self, today=None, log=None):
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        self.log = log or (lambda message: None)
        self.created = Counter()
        # Pages by demo key, per language: what bodies and menus link to.
        self.pages = {language: {} for language in LANGUAGES}
        self.illustrations = {}
        self.organisations = {}
        self.areas = {}

    # --- Entry point ---------------------------------------------------------

    def build(self):
        with transaction.atomic():
            self._load_locales()
            self._load_images()
            self._load_areas()
            self._load_organisations()
            self._load_site_pages()
            self._load_partner_pages()
            self._load_placements()
            self._load_calls()
            self._load_projects()
            self._load_settings()
        return self.created

    # --- Pages: create once, translate once -------------------------------------

    def _publish_new(self, parent, page, key=None):
        if key is not None:
            page.translation_key = demo_key(key)
        page.slug = find_available_slug(parent, page.slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created[type(page).__name__] += 1
        return page

    def _existing(self, key, language, model=Page):
        return model.objects.filter(
            translation_key=demo_key(key), locale=self.locales[language]
        ).first()

    def _translate(self, source, language, **fields):
        """The page's translation into ``language``: found, or copied from
        ``source`` with ``fields`` set and published."""
        locale = self.locales[language]
        existing = source.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        page = source.copy_for_translation(locale).specific
        slug = fields.pop("slug", page.slug)
        for name, value in fields.items():
            setattr(page, name, value)
        page.slug = find_available_slug(page.get_parent(), slug, ignore_page_id=page.pk)
        page.save_revision().publish()
        self.created[type(page).__name__] += 1
        return page

    # --- Steps -------------------------------------------------------------------

    def _load_locales(self):
        default = Locale.get_default()
        if default.language_code != "en":
            raise DemoError("The demo expects English as the default language (LANGUAGE_CODE).")
        italian = Locale.objects.filter(language_code="it").first()
        if italian is None:
            raise DemoError("The Italian locale is missing: run `manage.py migrate` first.")
        self.locales = {"en": default, "it": italian}

    def _load_images(self):
        image_model = get_image_model()
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=COLLECTION_NAME).first()
        if collection is None:
            collection = root.add_child(name=COLLECTION_NAME)
        self.collection = collection
        for key, (draw, title, alt_en, _alt_it) in images.ILLUSTRATIONS.items():
            image = image_model.objects.filter(collection=collection, title=title).first()
            if image is None:
                image = self._save_image(image_model, title, alt_en, draw(), f"{key}.jpg")
            self.illustrations[key] = image

    def _save_image(self, image_model, title, description, data, filename):
        image = image_model(
            title=title,
            description=description,
            collection=self.collection,
            file=ImageFile(io.BytesIO(data), name=filename),
            file_size=len(data),
            # The hash Wagtail uses to spot duplicate uploads.
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - not security
        )
        image.save()
        self.created["Image"] += 1
        return image

    def _load_areas(self):
        for slug, (name, province, region) in organisations.AREAS.items():
            area, created = Area.objects.get_or_create(
                slug=slug, defaults={"name": name, "province": province, "region": region}
            )
            if created:
                self.created["Area"] += 1
            self.areas[slug] = area

    def _load_organisations(self):
        image_model = get_image_model()
        assets = {asset.code: asset for asset in AssetType.objects.filter(default_language_only())}
        for data in organisations.ORGANISATIONS:
            organisation = Organisation.objects.filter(slug=data["slug"]).first()
            if organisation is None:
                initials, colour = data["logo"]
                logo = image_model.objects.filter(
                    collection=self.collection, title=f"Logo: {data['name']}"
                ).first() or self._save_image(
                    image_model,
                    f"Logo: {data['name']}",
                    f"Logo of {data['name']}",
                    images.draw_logo(initials, colour),
                    f"logo-{data['slug']}.png",
                )
                organisation = Organisation.objects.create(
                    slug=data["slug"],
                    name=data["name"],
                    kind=data["kind"],
                    legal_form=data["legal_form"],
                    address=data["address"],
                    latitude=data["lat"],
                    longitude=data["lng"],
                    website=f"https://{data['slug']}.example.org/",
                    email=f"info@{data['slug']}.example.org",
                    phone=data["phone"],
                    description=data["description"],
                    logo=logo,
                    status=Organisation.Status.APPROVED,
                )
                organisation.areas.set([self.areas[slug] for slug in data["areas"]])
                organisation.assets.set([assets[code] for code in data["assets"] if code in assets])
                self.created["Organisation"] += 1
            self.organisations[data["slug"]] = organisation

    def _load_site_pages(self):
        home = {"en": HomePage.objects.filter(locale=self.locales["en"]).first()}
        if home["en"] is None:
            raise DemoError("There is no home page: run `manage.py migrate` first.")
        # Children need their parent's translation, so the Italian home page
        # comes first; its body, which links to its children, comes last.
        home["it"] = self._translate(
            home["en"], "it", title=home["en"].title, intro=sitepages.HOME["it"]["intro"], body=[]
        )
        self.home = home

        for key, hub in sitepages.HUBS.items():
            english = (
                self._existing(key, "en", OpportunityIndexPage)
                or OpportunityIndexPage.objects.child_of(home["en"])
                .filter(kind=hub["kind"])
                .first()
            )
            if english is None:
                english = self._publish_new(
                    home["en"], OpportunityIndexPage(kind=hub["kind"], **hub["en"]), key
                )
            self.pages["en"][key] = english
            self.pages["it"][key] = self._translate(english, "it", **hub["it"])

        english = PartnerIndexPage.objects.filter(locale=self.locales["en"]).first()
        if english is None:
            english = self._publish_new(
                home["en"], PartnerIndexPage(**sitepages.PARTNER_INDEX["en"]), "partners"
            )
        self.pages["en"]["partners"] = english
        self.pages["it"]["partners"] = self._translate(
            english, "it", **sitepages.PARTNER_INDEX["it"]
        )

        for key, content in sitepages.STANDARD_PAGES.items():
            english = self._existing(key, "en", StandardPage)
            if english is None:
                fields = dict(content["en"])
                fields["body"] = stream(fields["body"], "en", self.pages["en"], self.illustrations)
                english = self._publish_new(home["en"], StandardPage(**fields), key)
            self.pages["en"][key] = english
            fields = dict(content["it"])
            fields["body"] = stream(fields["body"], "it", self.pages["it"], self.illustrations)
            self.pages["it"][key] = self._translate(english, "it", **fields)

        for language in LANGUAGES:
            # Fresh from the database: publishing writes the tree fields back,
            # and the Italian home page gained its children through copies.
            page = HomePage.objects.get(pk=home[language].pk)
            # An empty body means nobody has written the home page yet.
            if not page.body:
                content = sitepages.HOME[language]
                page.intro = content["intro"]
                page.body = stream(
                    content["body"], language, self.pages[language], self.illustrations
                )
                page.social_image = self.illustrations["town"]
                page.save_revision().publish()
                self.created["HomePage (content)"] += 1

    def _load_partner_pages(self):
        from partners.services import approve_organisation

        self.partner_pages = {language: {} for language in LANGUAGES}
        for data in organisations.ORGANISATIONS:
            organisation = self.organisations[data["slug"]]
            english = PartnerPage.objects.filter(
                organisation=organisation, locale=self.locales["en"]
            ).first()
            if english is None:
                english = self._publish_new(
                    self.pages["en"]["partners"],
                    PartnerPage(
                        title=organisation.name,
                        slug=organisation.slug,
                        organisation=organisation,
                        intro=data["en"]["intro"],
                        body=stream(data["en"]["body"], "en", self.pages["en"], self.illustrations),
                    ),
                )
            italian = self._translate(
                english,
                "it",
                intro=data["it"]["intro"],
                body=stream(data["it"]["body"], "it", self.pages["it"], self.illustrations),
            )
            self.partner_pages["en"][data["slug"]] = english
            self.partner_pages["it"][data["slug"]] = italian
            if not organisation.group_id:
                # Give the organisation what an approved partner has: its
                # editing group, media collection and page permissions.
                approve_organisation(organisation, approved_by=None)

    def _date(self, days):
        return None if days is None else self.today + datetime.timedelta(days=days)

    def _common_fields(self, data, language, position):
        content = data[language]
        image = self.illustrations.get(data["image"]) if data.get("image") else None
        fields = {
            "title": content["title"],
            "slug": content["slug"],
            "summary": content["summary"],
            "body": stream(
                content.get("body", []), language, self.pages[language], self.illustrations
            ),
            "image": image,
            "image_alt": (
                images.ILLUSTRATIONS[data["image"]][2 if language == "en" else 3] if image else ""
            ),
        }
        if language == "en":
            fields.update(
                commitment=data["commitment"],
                sector=Sector.objects.filter(default_language_only()).get(code=data["sector"]),
                area=self.areas[data["area"]],
                closes_on=self._date(data["closes_in"]),
                # Spread publication dates so "newest first" mixes hosts and types.
                first_published_at=self.now - datetime.timedelta(days=(position * 5) % 37 + 1),
            )
        return fields

    def _opportunity(
        self, model, data, host_slug, position, english_fields, italian_fields, prepare=None
    ):
        """Create (once) an opportunity and its Italian translation."""
        key = f"{model.kind_code}:{data['key']}"
        english = self._existing(key, "en", model)
        if english is None:
            page = model(**self._common_fields(data, "en", position), **english_fields)
            page.audiences.set(
                Audience.objects.filter(default_language_only(), code__in=data["audiences"])
            )
            if prepare:
                prepare(page, "en")
            english = self._publish_new(self.partner_pages["en"][host_slug], page, key)
        fields = {**self._common_fields(data, "it", position), **italian_fields}
        italian = english.get_translation_or_none(self.locales["it"])
        if italian is None:
            italian = english.copy_for_translation(self.locales["it"]).specific
            slug = fields.pop("slug")
            for name, value in fields.items():
                setattr(italian, name, value)
            italian.slug = find_available_slug(
                italian.get_parent(), slug, ignore_page_id=italian.pk
            )
            italian.first_published_at = english.first_published_at
            if prepare:
                prepare(italian, "it")
            italian.save_revision().publish()
            self.created[model.__name__] += 1
        self.pages["en"][key] = english
        self.pages["it"][key] = italian.specific
        return english

    def _load_placements(self):
        support_fields = ("mentor", "training", "transport", "meals")
        for position, data in enumerate(placements.PLACEMENTS):
            english_fields = {
                "hours_per_week": data["hours"],
                "places": data["places"],
                "paid": data["paid"],
                "starts_on": self._date(data["starts_in"]),
                **{f"support_{name}": name in data["support"] for name in support_fields},
            }
            per_language = {
                language: {
                    name: data[language][name]
                    for name in ("duration", "stipend", "location", "requirements", "how_to_apply")
                }
                for language in LANGUAGES
            }
            self._opportunity(
                PlacementPage,
                data,
                data["host"],
                position,
                {**english_fields, **per_language["en"]},
                per_language["it"],
            )

    def _event_times(self, event):
        if not event:
            return None, None
        days, start, minutes = event
        hour, minute = (int(part) for part in start.split(":"))
        starts = timezone.make_aware(
            datetime.datetime.combine(self._date(days), datetime.time(hour, minute))
        )
        return starts, starts + datetime.timedelta(minutes=minutes)

    def _load_calls(self):
        for position, data in enumerate(calls.CALLS):
            starts, ends = self._event_times(data["event"])
            per_language = {
                language: {
                    name: data[language][name]
                    for name in ("what_is_asked", "how_to_respond", "event_place")
                }
                for language in LANGUAGES
            }
            self._opportunity(
                CallPage,
                data,
                data["host"],
                position + 3,
                {"event_starts_at": starts, "event_ends_at": ends, **per_language["en"]},
                per_language["it"],
            )

    def _linked_page(self, language, key):
        for kind in ("placement", "call"):
            page = self.pages[language].get(f"{kind}:{key}")
            if page is not None:
                return page
        raise KeyError(f"A demo project links to an unknown opportunity: {key}")

    def _load_projects(self):
        for position, data in enumerate(projects.PROJECTS):
            per_language = {
                language: {name: data[language][name] for name in ("place", "goals", "outcomes")}
                for language in LANGUAGES
            }

            def prepare(page, language, data=data):
                if language == "en":
                    page.partner_organisations.set(
                        [self.organisations[slug] for slug in data["partners"]]
                    )
                page.linked_opportunities.set(
                    [self._linked_page(language, key) for key in data["linked"]]
                )
                page.updates = [
                    ProjectUpdate(
                        date=self.today - datetime.timedelta(days=days_ago),
                        title=texts[language][0],
                        text=texts[language][1],
                    )
                    for days_ago, texts in data["updates"]
                ]

            self._opportunity(
                ProjectPage,
                data,
                data["lead"],
                position + 7,
                {
                    "stage": data["stage"],
                    "starts_on": self._date(data["starts_in"]),
                    "ends_on": self._date(data["ends_in"]),
                    **per_language["en"],
                },
                per_language["it"],
                prepare=prepare,
            )

    def _load_settings(self):
        site = self.home["en"].get_site() or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return
        navigation = NavigationSettings.for_site(site)
        if not MainMenuItem.objects.filter(setting=navigation).exists():
            for order, key in enumerate(sitepages.MAIN_MENU):
                MainMenuItem.objects.create(
                    setting=navigation, page=self.pages["en"][key], sort_order=order
                )
            self.created["Main menu item"] += len(sitepages.MAIN_MENU)
        if not FooterItem.objects.filter(setting=navigation).exists():
            for order, key in enumerate(sitepages.FOOTER):
                FooterItem.objects.create(
                    setting=navigation, page=self.pages["en"][key], sort_order=order
                )
            self.created["Footer link"] += len(sitepages.FOOTER)

        contact = ContactSettings.for_site(site)
        if not (contact.email or contact.phone or contact.address):
            for name, value in sitepages.CONTACT.items():
                setattr(contact, name, value)
            contact.save()
            self.created["Contact details"] += 1
