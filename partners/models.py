"""Organisations, the places they serve, and their public pages.

An Organisation holds the facts about a partner (what kind it is, its legal
form, where it works, whether the cooperative has approved it). Its public
PartnerPage, one per language, is the root of everything it publishes:
placements, calls and the projects it leads are pages below it, so Wagtail's
page permissions can give each organisation exactly its own subtree.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import SitePage


class Area(models.Model):
    """A municipality, within its province: where organisations work and
    opportunities take place."""

    name = models.CharField(_("municipality"), max_length=80)
    province = models.CharField(
        _("province"), max_length=2, help_text=_("Two-letter code, e.g. TO for Torino.")
    )
    region = models.CharField(_("region"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), unique=True)

    panels = [FieldPanel("name"), FieldPanel("province"), FieldPanel("region"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self):
        return f"{self.name} ({self.province})"


class AssetType(models.Model):
    """What an organisation offers its town: the vocabulary of community
    asset mapping. The rows are fixed (created by migration); their labels
    are translated in code."""

    CHOICES = {
        "rooms": _("Rooms and spaces"),
        "workshops": _("Workshops and equipment"),
        "mentoring": _("Mentoring"),
        "training": _("Training"),
        "jobs": _("Jobs and placements"),
        "peer_support": _("Peer support"),
        "advice": _("Advice and guidance"),
        "food": _("Food and meals"),
        "housing": _("Housing support"),
    }

    code = models.SlugField(_("code"), unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("asset type")
        verbose_name_plural = _("asset types")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return self.CHOICES.get(self.code, self.code)


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        COOPERATIVE_A = "coop_a", _("Social cooperative, type A (services)")
        COOPERATIVE_B = "coop_b", _("Social cooperative, type B (work integration)")
        CONSORTIUM = "consortium", _("Consortium of cooperatives")
        PUBLIC_SERVICE = "public", _("Public service")
        VOLUNTARY = "voluntary", _("Voluntary or faith-based organisation")
        COMMUNITY = "community", _("Community group or mutual aid society")
        MENTORING = "mentoring", _("Mentoring and circles")
        EMPLOYER = "employer", _("Employer or training provider")

    class LegalForm(models.TextChoices):
        SOCIAL_COOPERATIVE = "social_coop", _("Social cooperative (L. 381/1991)")
        CONSORTIUM = "consortium", _("Consortium")
        ASSOCIATION = "association", _("Association")
        FOUNDATION = "foundation", _("Foundation")
        PUBLIC_BODY = "public_body", _("Public body")
        COMPANY = "company", _("Company")
        RELIGIOUS = "religious", _("Religious body")
        INFORMAL = "informal", _("Informal group (no legal form)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        SUSPENDED = "suspended", _("Suspended")

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    registry_number = models.CharField(
        _("registry number"),
        max_length=40,
        blank=True,
        help_text=_(
            "Where one exists: e.g. the number in the register of cooperatives or the RUNTS."
        ),
    )
    areas = models.ManyToManyField(Area, verbose_name=_("areas served"), related_name="organisations",
                                   blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True,
                                    blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public email"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    assets = models.ManyToManyField(AssetType, verbose_name=_("assets offered"), blank=True,
                                    related_name="organisations")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("legal_form")]),
        FieldPanel("registry_number"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("areas"), FieldPanel("address"),
             FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Where"),
        ),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
                        heading=_("Contact")),
        FieldPanel("assets"),
        FieldPanel("status"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class PartnerIndexPage(SitePage):
    """The partner directory at /partners/."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")
        verbose_name_plural = _("partner directories")

    def get_context(self, request, *args, **kwargs):
        from .directory import PartnerDirectory

        context = super().get_context(request, *args, **kwargs)
        context["directory"] = PartnerDirectory(self, request)
        return context


class PartnerPage(SitePage):
    """An organisation's public profile, and the parent of all it publishes."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="pages",
    )
    intro = models.CharField(
        _("introduction"), max_length=300,
        help_text=_("What the organisation does, in one or two plain sentences."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("organisation"), FieldPanel("intro"),
                      FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("organisation", [index.SearchField("name"),
                                             index.SearchField("description")]),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = [
        "opportunities.PlacementPage",
        "opportunities.CallPage",
        "opportunities.ProjectPage",
    ]

    class Meta:
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    @cached_property
    def current_opportunities(self):
        from cooperativa.opportunities.listing import opportunities_of

        return opportunities_of(self)

    def get_meta_description(self):
        return self.search_description or self.intro
