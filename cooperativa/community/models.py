"""What each town already has, and the networks that support people.

- A **Place** belongs to an organisation: a room, a workshop, an office. Its
  exact position is private to the organisation; what the public sees is its
  *published position*, worked out once here (``published_position``) and
  stored beside it. Every public output (the map, its GeoJSON, the API,
  JSON-LD) reads only the published position, so a place marked "show the
  town only" can never leak more than its town.
- An **Asset** is what the organisation offers at a place (a room to borrow,
  mentoring, a job), typed with the asset-type vocabulary of partners.
- A **NetworkPage** describes a mentoring scheme, a circle programme, a COSA
  project or a mutual aid group, under its organisation's partner page, with
  its meetings and events (``NetworkMeeting``).
- **AssetMapPage** (/map/) and **NetworkIndexPage** (/networks/) are the hubs.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cooperativa.core.models import SitePage
from cooperativa.core.vocabularies import default_language_only
from cooperativa.opportunities.models import Audience
from partners.models import Area, AssetType, Organisation
from partners.serializers import area_field

from . import recurrence

COORDINATE = {"max_digits": 9, "decimal_places": 6, "null": True, "blank": True}
LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]


class TownCentre(models.Model):
    """Where a town is shown on the map: the position of every place in it
    that shows the town only. Kept by moderators in the admin."""

    area = models.OneToOneField(
        Area,
        verbose_name=_("town"),
        on_delete=models.CASCADE,
        related_name="centre",
        limit_choices_to=default_language_only,
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, validators=LATITUDE_VALIDATORS
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, validators=LONGITUDE_VALIDATORS
    )

    panels = [FieldPanel("area"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])]

    class Meta:
        ordering = ["area__name"]
        verbose_name = _("town centre")
        verbose_name_plural = _("town centres")

    def __str__(self):
        return str(self.area)


class PlaceQuerySet(models.QuerySet):
    def on_map(self):
        """Places with a published position."""
        return self.filter(public_latitude__isnull=False, public_longitude__isnull=False)


class Place(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="places",
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("What people call it, e.g. “Bakery and café”.")
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="places",
        limit_choices_to=default_language_only,
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), validators=LATITUDE_VALIDATORS, **COORDINATE)
    longitude = models.DecimalField(_("longitude"), validators=LONGITUDE_VALIDATORS, **COORDINATE)
    town_only = models.BooleanField(
        _("show the town only"),
        default=False,
        help_text=_(
            "For a circle, a mutual aid meeting or a shelter: the public sees the town, "
            "never the address or the exact position."
        ),
    )
    opening_times = models.TextField(_("opening times"), blank=True)
    step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Someone using a wheelchair can get in and move around without steps."),
    )
    access_notes = models.TextField(
        _("access notes"),
        blank=True,
        help_text=_("Anything else that helps someone get there and in: lifts, toilets, parking."),
    )
    # What the public sees, set by save() from the fields above: the exact
    # position, or the town's centre for a town-only place (None when the
    # town's centre is not known, so the place stays off the map).
    public_latitude = models.DecimalField(editable=False, **COORDINATE)
    public_longitude = models.DecimalField(editable=False, **COORDINATE)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    objects = PlaceQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("area"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("town_only"),
        FieldPanel("opening_times"),
        FieldPanel("step_free"),
        FieldPanel("access_notes"),
    ]

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    def save(self, *args, **kwargs):
        self.public_latitude, self.public_longitude = self.published_position()
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "public_latitude",
                "public_longitude",
            }
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.town_only:
            if self.area_id and not TownCentre.objects.filter(area_id=self.area_id).exists():
                raise ValidationError(
                    {
                        "town_only": _(
                            "We do not know the centre of this town yet, so it cannot be shown "
                            "on the map. Ask the cooperative's moderators to add it."
                        )
                    }
                )
        elif self.latitude is None or self.longitude is None:
            raise ValidationError(
                _("Click the place on the map, or type its latitude and longitude.")
            )

    def published_position(self):
        """(latitude, longitude) as the public may see them: THE rule for
        town-only places."""
        if self.town_only:
            centre = TownCentre.objects.filter(area_id=self.area_id).first()
            return (centre.latitude, centre.longitude) if centre else (None, None)
        return self.latitude, self.longitude

    @property
    def public_address(self):
        """The address as shown publicly: none for a town-only place."""
        return "" if self.town_only else self.address


class Asset(models.Model):
    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="assets"
    )
    asset_type = models.ForeignKey(
        AssetType,
        verbose_name=_("what it is"),
        on_delete=models.PROTECT,
        related_name="community_assets",
        limit_choices_to=default_language_only,
    )
    description = models.CharField(
        _("description"),
        max_length=300,
        help_text=_(
            "In one or two plain sentences, e.g. “A room for twenty people, with a kitchen.”"
        ),
    )
    availability = models.CharField(
        _("when it is available"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Weekday evenings” or “Two places a year”."),
    )
    how_to_ask = models.CharField(
        _("how to ask for it"),
        max_length=300,
        help_text=_("e.g. “Phone the office in the morning” or “Ask your probation officer”."),
    )

    panels = [
        FieldPanel("place"),
        FieldPanel("asset_type"),
        FieldPanel("description"),
        FieldPanel("availability"),
        FieldPanel("how_to_ask"),
    ]

    class Meta:
        ordering = ["place", "asset_type__position", "pk"]
        verbose_name = _("community asset")
        verbose_name_plural = _("community assets")

    def __str__(self):
        return f"{self.asset_type.own_label()}: {self.place.name}"


# --- The hubs -------------------------------------------------------------------------


class CommunityHubPage(SitePage):
    """What the map and the network hub share: one of each under each home
    page, an introduction, and a faceted list made by ``listing()``."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.listing(request)
        return context


class AssetMapPage(CommunityHubPage):
    """The community asset map at /map/ (its data: /map/assets.geojson, a
    view of listing.py, since page addresses cannot hold a dot)."""

    class Meta:
        verbose_name = _("asset map")
        verbose_name_plural = _("asset maps")

    def listing(self, request):
        from .listing import AssetListing

        return AssetListing(request, self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_settings"] = {
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
        }
        return context


class NetworkIndexPage(CommunityHubPage):
    """The hub of support networks at /networks/."""

    class Meta:
        verbose_name = _("network hub")
        verbose_name_plural = _("network hubs")

    def listing(self, request):
        from .listing import NetworkListing

        return NetworkListing(request, self.locale)


# --- Networks -------------------------------------------------------------------------


class NetworkPage(SitePage):
    """A support network run by an organisation. It says how to join and how
    to refer someone; it never names its members or the people it supports."""

    class Kind(models.TextChoices):
        MENTORING = "mentoring", _("Volunteer mentoring")
        CIRCLE = "circle", _("Citizen circle")
        COSA = "cosa", _("Circle of Support and Accountability (COSA)")
        MUTUAL_AID = "mutual_aid", _("Mutual aid group")

    # Set from the parent partner page on save: the hub shows approved
    # organisations' networks only, in one query.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="networks",
        editable=False,
    )
    network_kind = models.CharField(_("kind of network"), max_length=12, choices=Kind.choices)
    intro = models.CharField(
        _("introduction"),
        max_length=300,
        help_text=_("What the network does, in one or two plain sentences."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="networks",
        limit_choices_to=default_language_only,
    )
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("who it serves"),
        related_name="networks",
        limit_choices_to=default_language_only,
    )
    who_for = RichTextField(
        _("who it is for"), features=["bold", "italic", "link", "ul"], blank=True
    )
    volunteer_role = RichTextField(
        _("what volunteers do"), features=["bold", "italic", "link", "ul"], blank=True
    )
    commitment = models.CharField(
        _("commitment asked"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Two hours a week for a year”."),
    )
    path_enquiry = models.TextField(
        _("1. Enquiry"), blank=True, help_text=_("How someone asks to volunteer.")
    )
    path_training = models.TextField(_("2. Training"), blank=True)
    path_checks = models.TextField(
        _("3. Checks"),
        blank=True,
        help_text=_(
            "What is checked before someone starts (references, an interview). Describe the "
            "step only: this site never collects anyone's criminal record."
        ),
    )
    path_active = models.TextField(_("4. Active volunteer"), blank=True)
    how_to_refer = RichTextField(
        _("how a professional refers someone"),
        features=["bold", "italic", "link", "ul"],
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("network_kind"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("audiences")]),
        FieldPanel("who_for"),
        MultiFieldPanel(
            [
                FieldPanel("volunteer_role"),
                FieldPanel("commitment"),
                FieldPanel("path_enquiry"),
                FieldPanel("path_training"),
                FieldPanel("path_checks"),
                FieldPanel("path_active"),
            ],
            heading=_("Volunteers"),
        ),
        FieldPanel("how_to_refer"),
        InlinePanel("meetings", heading=_("Meetings and events"), label=_("Meeting or event")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("who_for"),
        index.SearchField("volunteer_role"),
        index.FilterField("network_kind"),
    ]
    api_fields = [
        APIField("network_kind"),
        APIField("intro"),
        APIField("area", serializer=area_field()),
        APIField("who_for"),
        APIField("volunteer_role"),
        APIField("commitment"),
        APIField("how_to_refer"),
        APIField("meetings"),
    ]
    parent_page_types = ["partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("support network")
        verbose_name_plural = _("support networks")

    def full_clean(self, *args, **kwargs):
        self._take_organisation()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._take_organisation()
        super().save(*args, **kwargs)

    def _take_organisation(self):
        if self.organisation_id is None:
            parent = self.get_parent() if self.pk or self.path else None
            if parent is not None:
                self.organisation_id = parent.specific.organisation_id

    def volunteer_path(self):
        """The four steps, with what the network says about each."""
        return [
            (_("Enquiry"), self.path_enquiry),
            (_("Training"), self.path_training),
            (_("Checks"), self.path_checks),
            (_("Active volunteer"), self.path_active),
        ]

    def get_context(self, request, *args, **kwargs):
        from .listing import volunteer_calls

        context = super().get_context(request, *args, **kwargs)
        context["calls"] = volunteer_calls(self)
        context["meetings"] = recurrence.upcoming(self.meetings.select_related("area"))
        return context


class NetworkMeeting(Orderable):
    """A meeting or event of a network: once (an open day) or regular (a
    coffee morning every first Tuesday). Its place is only ever its town."""

    class Repeats(models.TextChoices):
        ONCE = "", _("Once")
        WEEKLY = "weekly", _("Every week")
        FORTNIGHTLY = "fortnightly", _("Every two weeks")
        MONTHLY = "monthly", _("Every month, on the same weekday (e.g. the first Tuesday)")

    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("what happens"), max_length=300, blank=True)
    starts_at = models.DateTimeField(
        _("first date and time"), help_text=_("In Italian time; later dates keep the same hour.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"), default=90, validators=[MinValueValidator(5)]
    )
    repeats = models.CharField(
        _("repeats"), max_length=12, choices=Repeats.choices, blank=True, default=""
    )
    repeat_until = models.DateField(_("repeats until"), null=True, blank=True)
    area = models.ForeignKey(
        Area,
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=default_language_only,
        help_text=_("Only the town is published; people who come are told the exact place."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("starts_at"),
        FieldPanel("duration_minutes"),
        FieldRowPanel([FieldPanel("repeats"), FieldPanel("repeat_until")]),
        FieldPanel("area"),
    ]
    api_fields = [
        APIField("title"),
        APIField("description"),
        APIField("starts_at"),
        APIField("duration_minutes"),
        APIField("repeats"),
        APIField("repeat_until"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting or event")
        verbose_name_plural = _("meetings and events")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.repeat_until and not self.repeats:
            raise ValidationError({"repeat_until": _("Only a repeating meeting has an end date.")})
        if self.repeat_until and self.starts_at and self.repeat_until < self.starts_at.date():
            raise ValidationError({"repeat_until": _("The last date comes before the first.")})

    @property
    def is_regular(self):
        return bool(self.repeats)
