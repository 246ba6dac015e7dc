"""Organisations, the places they serve, and their public pages.

An Organisation holds the facts about a partner (what kind it is, its legal
form, where it works, whether the cooperative has approved it). Its public
PartnerPage, one per language, is the root of everything it publishes:
placements, calls and the projects it leads are pages below it, so Wagtail's
page permissions can give each organisation exactly its own subtree.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from cooperativa.core.blocks import BodyBlock
from cooperativa.core.models import SitePage, optional_link
from cooperativa.core.vocabularies import OrderedVocabulary, default_language_only, localized_labels

from .serializers import OrganisationSerializer


class Area(TranslatableMixin, models.Model):
    """A municipality, within its province: where organisations work and
    opportunities take place. A vocabulary that moderators keep in the admin
    (see home/vocabularies.py): pages and organisations point at the row in
    the default language, hub addresses use its slug."""

    key_field = "slug"

    name = models.CharField(_("municipality"), max_length=80)
    province = models.CharField(
        _("province"), max_length=2, help_text=_("Two-letter code, e.g. TO for Torino.")
    )
    region = models.CharField(_("region"), max_length=40, blank=True)
    slug = models.SlugField(
        _("slug"),
        help_text=_(
            "Used in addresses: lower case letters, digits and hyphens. "
            "The same in every language; do not change it once in use."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("province"), FieldPanel("region"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.own_label()

    def own_label(self):
        return f"{self.name} ({self.province})"

    @property
    def label(self):
        """The name in the active language, e.g. "Torino (TO)"."""
        return localized_labels(Area).get(self.slug, self.own_label())


class AssetType(OrderedVocabulary):
    """What an organisation offers its town: the vocabulary of community
    asset mapping, kept by moderators in the admin."""

    class Meta(OrderedVocabulary.Meta):
        verbose_name = _("asset type")
        verbose_name_plural = _("asset types")


# Addresses under /partners/ that belong to the sign-up and manage views,
# mounted before Wagtail's pages: no organisation (and so no partner page)
# may take them as its slug.
RESERVED_SLUGS = frozenset({"join", "manage"})


def validate_organisation_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved for the site's own pages: choose another."),
            code="reserved",
            params={"slug": value},
        )


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """The organisations the public may see: approved ones only. The one
        definition of "shown publicly", used by the directory, project pages,
        JSON-LD, the read API and the public images; a pending, rejected or
        suspended organisation is never named or credited anywhere public."""
        return self.filter(status=Organisation.Status.APPROVED)


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
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"), unique=True, max_length=80, validators=[validate_organisation_slug]
    )
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
    areas = models.ManyToManyField(
        Area,
        verbose_name=_("areas served"),
        related_name="organisations",
        blank=True,
        limit_choices_to=default_language_only,
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public email"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    logo = optional_link("wagtailimages.Image", _("logo"))
    description = models.TextField(_("description"), blank=True)
    assets = models.ManyToManyField(
        AssetType,
        verbose_name=_("assets offered"),
        blank=True,
        related_name="organisations",
        limit_choices_to=default_language_only,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)

    # Sign-up and moderation. The contact person is private: moderators and
    # the organisation's admins see it, public pages and the API never do.
    applicant = optional_link(
        settings.AUTH_USER_MODEL, _("applicant"), related_name="applied_organisations"
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact person's email"), blank=True)
    contact_phone = models.CharField(_("contact person's phone"), max_length=40, blank=True)
    charter_accepted_at = models.DateTimeField(
        _("partnership charter accepted on"), null=True, blank=True
    )
    moderation_note = models.TextField(
        _("note from the moderators"),
        blank=True,
        help_text=_(
            "The reason for a decision or a request for information, shown to the applicant."
        ),
    )
    # An informal group has no legal form: an approved organisation vouches for it.
    vouched_by = optional_link("self", _("vouched for by"), related_name="vouched_groups")
    vouched_at = models.DateTimeField(_("vouched for on"), null=True, blank=True)
    vouch_declined_at = models.DateTimeField(_("vouching declined on"), null=True, blank=True)
    # Provisioned on approval: who may edit the organisation's pages and media.
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editing group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation",
    )
    collection = optional_link("wagtailcore.Collection", _("media collection"))
    # Page id -> revision id that was live when the organisation was
    # suspended, so reinstatement brings back exactly what was public.
    suspended_revisions = models.JSONField(default=dict, blank=True, editable=False)

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("legal_form")]),
        FieldPanel("registry_number"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("areas"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")
        ),
        FieldPanel("assets"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact person (private)"),
        ),
        # Status changes go through the moderation actions, which provision or
        # withdraw the organisation's rights at the same time.
        MultiFieldPanel(
            [
                FieldPanel("status", read_only=True),
                FieldPanel("moderation_note", read_only=True),
                FieldPanel("applicant", read_only=True),
                FieldPanel("vouched_by"),
                FieldPanel("vouched_at", read_only=True),
                FieldPanel("charter_accepted_at", read_only=True),
            ],
            heading=_("Moderation"),
        ),
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
        permissions = [
            (
                "moderate_organisation",
                _("Can approve, reject, suspend and reinstate organisations"),
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def editor_choices(cls):
        """The organisations a page editor may name (a project's partners):
        approved ones only, so a pending application is never shown."""
        return cls.objects.public()

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_informal(self):
        return self.legal_form == self.LegalForm.INFORMAL

    @property
    def needs_vouching(self):
        """An informal group cannot be approved until an organisation vouches for it."""
        return self.is_informal and self.vouched_at is None


class Membership(models.Model):
    """A person's place in an organisation. A person may belong to several."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        EDITOR = "editor", _("Editor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        ordering = ["organisation", "role", "created_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_admin(self):
        return self.role == self.Role.ADMIN


class Invitation(models.Model):
    """An invitation by email to join an organisation. The link carries a
    signed token that expires after seven days and works once."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("email"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.EDITOR
    )
    invited_by = optional_link(settings.AUTH_USER_MODEL, _("invited by"))
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = optional_link(settings.AUTH_USER_MODEL, _("accepted by"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class DecidedQuerySet(models.QuerySet):
    def undecided(self):
        """Still waiting for someone to decide."""
        return self.filter(decided_at__isnull=True)

    def decided(self):
        return self.filter(decided_at__isnull=False)


class Decided(models.Model):
    """Something a person asks for and someone else decides: who decided it
    and when. Undecided while ``decided_at`` is empty."""

    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = optional_link(settings.AUTH_USER_MODEL, _("decided by"))

    objects = DecidedQuerySet.as_manager()

    class Meta:
        abstract = True

    def record_decision(self, by, **fields):
        """Store the decision, with the ``fields`` it changes, and save only those."""
        for name, value in fields.items():
            setattr(self, name, value)
        self.decided_by = by
        self.decided_at = timezone.now()
        self.save(update_fields=["decided_at", "decided_by", *fields])


class DetailChange(Decided):
    """Changes an organisation's administrators made to its public details.

    They stay here, out of sight, until a moderator approves them; only then
    are they copied onto the organisation and so shown on its page, in the
    directory, in its structured data and in the API. One change per
    organisation waits at a time: saving again updates it.
    """

    # What the public sees, and so what a moderator checks first.
    FIELDS = ("description", "areas", "address", "website", "email", "phone", "assets")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="detail_changes",
    )
    # Field name -> new value; areas and assets as lists of primary keys.
    changes = models.JSONField(_("changes"), default=dict)
    submitted_by = optional_link(settings.AUTH_USER_MODEL, _("submitted by"))
    submitted_at = models.DateTimeField(_("submitted on"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["submitted_at"]
        verbose_name = _("change of details")
        verbose_name_plural = _("changes of details")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="pending"),
                name="one_pending_detail_change",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_status_display()})"


class JoinRequest(Decided):
    """A person asks to join an organisation; one of its admins decides."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        constraints = [
            # One open request per person and organisation.
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(decided_at__isnull=True),
                name="unique_open_join_request",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


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
        from .directory import PartnerDirectory  # the directory's facets import this module

        context = super().get_context(request, *args, **kwargs)
        context["directory"] = PartnerDirectory(self, request)
        return context


class PartnerPage(SitePage):
    """An organisation's public profile, and the parent of all it publishes."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    intro = models.CharField(
        _("introduction"),
        max_length=300,
        help_text=_("What the organisation does, in one or two plain sentences."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    # Only moderators may attach a page to an organisation: a partner editing
    # its own page must not be able to hand it to (or take it from) another.
    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation", permission="partners.moderate_organisation"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields(
            "organisation", [index.SearchField("name"), index.SearchField("description")]
        ),
    ]
    # The organisation's public description only: no contact details.
    api_fields = [
        APIField("organisation", serializer=OrganisationSerializer(read_only=True)),
        APIField("intro"),
        APIField("body"),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = [
        "opportunities.PlacementPage",
        "opportunities.CallPage",
        "opportunities.ProjectPage",
        "community.NetworkPage",
    ]

    class Meta:
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    def clean(self):
        super().clean()
        try:
            validate_organisation_slug(self.slug)
        except ValidationError as error:
            raise ValidationError({"slug": error}) from error

    def get_meta_description(self):
        return self.search_description or self.intro
