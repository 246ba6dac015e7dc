"""Opportunities: work placements, calls for participation and joint projects.

All three share one concrete base, OpportunityPage, so the hubs can list,
filter and count them together in single queries. Each type adds its own
structured fields. An opportunity's state (open, closing soon, closed) is
never stored: it is derived from its closing date and today's date, so it is
right at any moment without a job having to run.
"""

import datetime
import functools
import operator

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cooperativa.core import page_cache
from cooperativa.core.blocks import BodyBlock
from cooperativa.core.models import SitePage, optional_link
from cooperativa.core.vocabularies import OrderedVocabulary, default_language_only
from partners.models import PartnerPage
from partners.serializers import OrganisationSerializer, area_field

from .serializers import audience_codes_field, text_field, vocabulary_code_field

CLOSING_SOON_DAYS = 7
SUMMARY_MAX_LENGTH = 240


def today():
    """Today in the site's time zone: the day states are worked out for."""
    return timezone.localdate()


class OpportunityQuerySet(PageQuerySet):
    """The one definition of an opportunity's state in the database: open,
    closing soon (CLOSING_SOON_DAYS or fewer days left) or closed (its closing
    day has passed, or, for a joint project, it is completed).

    ``OpportunityPage.get_state`` says the same of one page in Python, for a
    page already loaded; tests/test_opportunity_state.py checks that the two
    agree on every boundary day.
    """

    @staticmethod
    def ended_q():
        # A subquery rather than a join on projectpage: negating a condition
        # across a nullable join would silently drop placements and calls.
        return Q(pk__in=ProjectPage.objects.filter(stage=ProjectPage.Stage.COMPLETED).values("pk"))

    @classmethod
    def closed_q(cls, on=None):
        """Opportunities that can no longer be joined on the given day."""
        on = on or today()
        return Q(closes_on__lt=on) | cls.ended_q()

    @classmethod
    def open_q(cls, on=None):
        """Opportunities that can still be joined (including those closing soon)."""
        on = on or today()
        return (Q(closes_on__isnull=True) | Q(closes_on__gte=on)) & ~cls.ended_q()

    @classmethod
    def closing_soon_q(cls, on=None):
        on = on or today()
        return cls.open_q(on) & Q(closes_on__lte=closing_soon_after(on))

    @classmethod
    def state_expression(cls, on=None):
        """The state as a SQL expression: "closed", "closing_soon" or "open"."""
        on = on or today()
        return Case(
            When(cls.closed_q(on), then=Value("closed")),
            When(closes_on__lte=closing_soon_after(on), then=Value("closing_soon")),
            default=Value("open"),
        )

    def open(self, on=None):
        return self.filter(self.open_q(on))

    def closing_soon(self, on=None):
        return self.filter(self.closing_soon_q(on))

    def closed(self, on=None):
        return self.filter(self.closed_q(on))

    def with_state(self, on=None):
        return self.annotate(state_on_day=self.state_expression(on))


def closing_soon_after(on):
    """The last closing day that counts as "closing soon" on day ``on``."""
    return on + datetime.timedelta(days=CLOSING_SOON_DAYS)


class Audience(OrderedVocabulary):
    """Who an opportunity is for, kept by moderators in the admin. It
    describes who is welcome, never a person's own situation."""

    class Meta(OrderedVocabulary.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Commitment(models.TextChoices):
    """How much an opportunity asks of a person: the continuum from informal
    to formal that the platform is built around."""

    ONE_OFF = "one_off", _("One-off")
    OCCASIONAL = "occasional", _("Now and then")
    REGULAR = "regular", _("Regular commitment")
    JOB = "job", _("A job or placement")


class Sector(OrderedVocabulary):
    """The line of work of an opportunity, kept by moderators in the admin."""

    class Meta(OrderedVocabulary.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


def host_pages_of(opportunities):
    """The partner pages directly above ``opportunities`` (a short list: a
    page, a page of results, a feed), with their organisations and logos, in
    one query. One condition per opportunity keeps to Wagtail's API."""
    parents = functools.reduce(
        operator.or_, (Page.objects.parent_of_q(page) for page in opportunities)
    )
    return PartnerPage.objects.filter(parents).select_related("organisation", "organisation__logo")


class OpportunityPage(SitePage):
    """What every opportunity has. Not created directly: editors create a
    placement, a call or a project."""

    objects = PageManager.from_queryset(OpportunityQuerySet)()

    summary = models.CharField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_(
            "In plain words, what this is and who it is for: short sentences, no jargon, "
            "at most %(count)s characters."
        )
        % {"count": SUMMARY_MAX_LENGTH},
    )
    commitment = models.CharField(
        _("commitment"),
        max_length=12,
        choices=Commitment.choices,
        db_index=True,
        help_text=_("How much it asks of a person."),
    )
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("who it is for"),
        related_name="opportunities",
        limit_choices_to=default_language_only,
    )
    area = models.ForeignKey(
        "partners.Area",
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        related_name="opportunities",
        limit_choices_to=default_language_only,
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="opportunities",
        limit_choices_to=default_language_only,
    )
    paid = models.BooleanField(_("paid"), default=False, db_index=True)
    closes_on = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The last day to apply or respond. Leave empty if it stays open."),
    )
    image = optional_link("wagtailimages.Image", _("image"))
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("more details"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("commitment"),
        index.FilterField("sector"),
        index.FilterField("paid"),
        index.FilterField("closes_on"),
        index.FilterField("area"),
        index.RelatedFields("area", [index.SearchField("name")]),
    ]
    # What the read API shows of every opportunity: the public facts only.
    api_fields = [
        APIField("summary"),
        APIField("kind", serializer=text_field("kind_code")),
        APIField("commitment"),
        APIField("sector", serializer=vocabulary_code_field()),
        APIField("paid"),
        APIField("closes_on"),
        APIField("state", serializer=text_field()),
        APIField("area", serializer=area_field()),
        APIField("audiences", serializer=audience_codes_field()),
        APIField("image"),
        APIField("image_alt"),
        APIField("body"),
    ]

    kind_code = "opportunity"
    take_part_anchor = ""
    take_part_label = ""
    is_creatable = False
    parent_page_types = ["partners.PartnerPage"]
    subpage_types = []

    common_panels = [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("commitment"), FieldPanel("sector", widget=forms.Select)]),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("area", widget=forms.Select),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
    ]

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image, or remove it.")})

    # --- Derived state -----------------------------------------------------

    @property
    def kind(self):
        """ "placement", "call" or "project"."""
        return self.specific_class.kind_code if self.specific_class else self.kind_code

    @property
    def kind_label(self):
        return self.specific_class._meta.verbose_name

    def is_ended(self):
        """An opportunity may end for reasons other than its date (a
        completed project); subclasses say so."""
        return False

    def get_state(self, on=None):
        """This page's state on day ``on`` (today): OpportunityQuerySet's rule."""
        on = on or today()
        if self.is_ended() or (self.closes_on and self.closes_on < on):
            return "closed"
        if self.closes_on and self.closes_on <= closing_soon_after(on):
            return "closing_soon"
        return "open"

    @cached_property
    def state(self):
        return self.get_state()

    @property
    def is_open(self):
        return self.state != "closed"

    def get_meta_description(self):
        return self.search_description or self.summary

    @cached_property
    def host_page(self):
        """The partner page above, with its organisation and logo, in one
        query (lists set it for all their items at once, see
        listing.attach_hosts); any other parent as Wagtail gives it."""
        return host_pages_of([self]).first() or self.get_parent().specific

    def get_sitemap_urls(self, request=None):
        # A closed opportunity stays online for the record, but search
        # engines should stop sending people to something they cannot join.
        if not self.is_open:
            return []
        return super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        from . import listing

        context = super().get_context(request, *args, **kwargs)
        if not self.is_open:
            # Nothing to apply for here: point to what is still open.
            context["similar_opportunities"] = listing.similar_open_opportunities(self)
            context["hub"] = listing.hub_for(self.locale_id, self.kind)
        return context


class PlacementPage(OpportunityPage):
    kind_code = "placement"
    # Where the page says how to take part: the closing-soon notice links there.
    take_part_anchor = "apply"
    take_part_label = _("How to apply")

    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"))
    duration = models.CharField(
        _("duration"), max_length=60, help_text=_("For example: 6 months, renewable.")
    )
    stipend = models.CharField(
        _("pay or stipend"),
        max_length=80,
        blank=True,
        help_text=_("For example: €600 a month. Leave empty if unpaid."),
    )
    places = models.PositiveSmallIntegerField(_("number of places"), default=1)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    location = models.CharField(_("where the work happens"), max_length=160, blank=True)
    requirements = models.TextField(
        _("requirements"),
        blank=True,
        help_text=_("What a person needs to take part. Never ask about offences."),
    )
    support_mentor = models.BooleanField(_("a mentor"), default=False)
    support_training = models.BooleanField(_("training"), default=False)
    support_transport = models.BooleanField(_("help with transport"), default=False)
    support_meals = models.BooleanField(_("meals"), default=False)
    how_to_apply = RichTextField(_("how to apply"), features=["bold", "link", "ol", "ul"])

    content_panels = [
        *Page.content_panels,
        *OpportunityPage.common_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("hours_per_week"), FieldPanel("duration"), FieldPanel("places")]
                ),
                FieldRowPanel([FieldPanel("paid"), FieldPanel("stipend")]),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("closes_on")]),
                FieldPanel("location"),
            ],
            heading=_("The placement"),
        ),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [
                FieldPanel("support_mentor"),
                FieldPanel("support_training"),
                FieldPanel("support_transport"),
                FieldPanel("support_meals"),
            ],
            heading=_("Support offered"),
        ),
        FieldPanel("how_to_apply"),
        FieldPanel("body"),
    ]
    search_fields = [*OpportunityPage.search_fields, index.SearchField("requirements")]
    api_fields = [
        *OpportunityPage.api_fields,
        APIField("hours_per_week"),
        APIField("duration"),
        APIField("stipend"),
        APIField("places"),
        APIField("starts_on"),
        APIField("location"),
        APIField("requirements"),
        APIField("support_offered"),
        APIField("how_to_apply"),
    ]

    parent_page_types = ["partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("work placement")
        verbose_name_plural = _("work placements")

    def clean(self):
        super().clean()
        if self.paid and not self.stipend.strip():
            raise ValidationError({"stipend": _("Say how much it pays, or untick “paid”.")})

    @property
    def support_offered(self):
        return [
            str(field.verbose_name)
            for field in (
                self._meta.get_field(name)
                for name in (
                    "support_mentor",
                    "support_training",
                    "support_transport",
                    "support_meals",
                )
            )
            if getattr(self, field.name)
        ]


class CallPage(OpportunityPage):
    kind_code = "call"
    take_part_anchor = "respond"
    take_part_label = _("How to respond")

    what_is_asked = RichTextField(_("what we ask"), features=["bold", "link", "ol", "ul"])
    how_to_respond = RichTextField(_("how to respond"), features=["bold", "link", "ol", "ul"])
    event_starts_at = models.DateTimeField(_("event starts"), null=True, blank=True)
    event_ends_at = models.DateTimeField(_("event ends"), null=True, blank=True)
    event_place = models.CharField(_("event place"), max_length=160, blank=True)

    content_panels = [
        *Page.content_panels,
        *OpportunityPage.common_panels,
        FieldPanel("closes_on", heading=_("Deadline")),
        FieldPanel("what_is_asked"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_starts_at"), FieldPanel("event_ends_at")]),
                FieldPanel("event_place"),
            ],
            heading=_("Event (a workshop, an open day)"),
        ),
        FieldPanel("how_to_respond"),
        FieldPanel("body"),
    ]
    api_fields = [
        *OpportunityPage.api_fields,
        APIField("what_is_asked"),
        APIField("event_starts_at"),
        APIField("event_ends_at"),
        APIField("event_place"),
        APIField("how_to_respond"),
    ]

    parent_page_types = ["partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("call for participation")
        verbose_name_plural = _("calls for participation")

    def clean(self):
        super().clean()
        if self.event_ends_at and not self.event_starts_at:
            raise ValidationError({"event_starts_at": _("Give the start of the event too.")})
        if (
            self.event_starts_at
            and self.event_ends_at
            and self.event_ends_at < self.event_starts_at
        ):
            raise ValidationError({"event_ends_at": _("The event cannot end before it starts.")})


class ProjectPage(OpportunityPage):
    kind_code = "project"
    take_part_anchor = "get-involved"
    take_part_label = _("Ways to get involved")

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        CODESIGN = "codesign", _("Co-design")
        AGREED = "agreed", _("Agreed")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.IDEA, db_index=True
    )
    partner_organisations = ParentalManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="projects",
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=160, blank=True)
    goals = RichTextField(_("goals"), features=["bold", "link", "ol", "ul"])
    outcomes = RichTextField(
        _("outcomes so far"), features=["bold", "link", "ol", "ul"], blank=True
    )
    linked_opportunities = ParentalManyToManyField(
        "opportunities.OpportunityPage",
        verbose_name=_("ways to get involved"),
        blank=True,
        related_name="projects",
        help_text=_("Placements and calls that are part of this project."),
    )

    content_panels = [
        *Page.content_panels,
        *OpportunityPage.common_panels,
        FieldRowPanel([FieldPanel("stage"), FieldPanel("closes_on", heading=_("Join until"))]),
        InlinePanel("stage_changes", heading=_("Timeline of stages"), label=_("Stage reached")),
        FieldPanel("partner_organisations"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("place")],
            heading=_("When and where"),
        ),
        FieldPanel("goals"),
        FieldPanel("outcomes"),
        InlinePanel("updates", heading=_("Updates"), label=_("Update")),
        FieldPanel("linked_opportunities"),
        FieldPanel("body"),
    ]
    # linked_opportunities is left out: it may point at drafts.
    api_fields = [
        *OpportunityPage.api_fields,
        APIField("stage"),
        APIField(
            "partner_organisations",
            serializer=OrganisationSerializer(
                many=True, read_only=True, source="public_partner_organisations"
            ),
        ),
        APIField("starts_on"),
        APIField("ends_on"),
        APIField("place"),
        APIField("goals"),
        APIField("outcomes"),
        APIField("updates"),
        APIField("stage_changes"),
    ]

    parent_page_types = ["partners.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("joint project")
        verbose_name_plural = _("joint projects")

    def is_ended(self):
        return self.stage == self.Stage.COMPLETED

    @property
    def stages(self):
        """The five stages in order, each marked "done", "current" or "to come",
        with the day the timeline says the project reached it (or None)."""
        current = (
            list(self.Stage.values).index(self.stage) if self.stage in self.Stage.values else 0
        )
        reached = {change.stage: change.date for change in self.timeline()}
        return [
            {
                "value": value,
                "label": label,
                "date": reached.get(value) if position <= current else None,
                "status": "done"
                if position < current
                else "current"
                if position == current
                else "todo",
            }
            for position, (value, label) in enumerate(self.Stage.choices)
        ]

    @classmethod
    def crediting_q(cls, organisation_id):
        """Projects that publicly credit the organisation as a partner: it
        is named, and (apps above this one decide, through the hook) it
        agreed to be. The one rule for profiles and hub filters."""
        through = cls.partner_organisations.through
        condition = Q(
            pk__in=through.objects.filter(organisation_id=organisation_id).values("projectpage_id")
        )
        for narrow in hooks.get_hooks("filter_projects_crediting_partner"):
            condition &= narrow(organisation_id)
        return condition

    def public_partner_organisations(self):
        """The partner organisations the public may see credited (approved
        ones, see Organisation.objects.public(), that agreed to be named), in
        one query. In a preview the choices are not saved yet, hence the ids."""
        from partners.models import Organisation

        chosen = self.partner_organisations.all()
        if not isinstance(chosen, models.QuerySet):
            chosen = [organisation.pk for organisation in chosen]
        organisations = Organisation.objects.public().filter(pk__in=chosen)
        # Apps above this one narrow the list (co-design: only organisations
        # that agreed to be named), without this app importing them.
        for narrow in hooks.get_hooks("filter_public_partner_organisations"):
            organisations = narrow(self, organisations)
        return organisations

    def partners_with_pages(self):
        """(organisation, its partner page in this language or None) for each
        publicly shown partner organisation, in two queries however many
        there are."""
        organisations = list(self.public_partner_organisations())
        pages = {
            page.organisation_id: page
            for page in PartnerPage.objects.live()
            .public()
            .filter(locale=self.locale_id, organisation__in=[org.pk for org in organisations])
        }
        return [(organisation, pages.get(organisation.pk)) for organisation in organisations]

    def get_context(self, request, *args, **kwargs):
        from . import listing

        context = super().get_context(request, *args, **kwargs)

        def lists():
            return {
                "partners": self.partners_with_pages(),
                "updates": list(self.updates.order_by("-date", "-sort_order")),
                "ways_to_get_involved": listing.localized_opportunities(
                    list(self.linked_opportunities.all()), self.locale_id
                ),
                "timeline": self.timeline(),
            }

        # The live page's lists change only with the content (and the day):
        # kept under the content version. A preview shows the draft's own.
        if getattr(request, "is_preview", False):
            context.update(lists())
        else:
            context.update(page_cache.remember("project-lists", lists, self.pk, today()))
        # The stages and the timeline read it from the page.
        self._timeline = context.pop("timeline")
        return context

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The project cannot end before it starts.")})
        latest = self.latest_stage_change()
        if latest is not None and latest.stage != self.stage:
            raise ValidationError(
                {
                    "stage": _(
                        "The timeline's latest stage is “%(latest)s”: add a line to the "
                        "timeline for the day the project reached “%(stage)s”, or choose "
                        "“%(latest)s” here."
                    )
                    % {"latest": latest.get_stage_display(), "stage": self.get_stage_display()}
                }
            )

    def timeline(self):
        """The stages the project has reached, oldest first (also for a
        preview, whose lines are not saved yet)."""
        # Read once per page object: the stages, the timeline and the editor's
        # check all ask for it while one page is shown or saved.
        if getattr(self, "_timeline", None) is None:
            self._timeline = sorted(
                self.stage_changes.all(), key=lambda change: (change.date, change.sort_order or 0)
            )
        return self._timeline

    def latest_stage_change(self):
        timeline = self.timeline()
        return timeline[-1] if timeline else None


class ProjectStageChange(Orderable):
    """A line of a joint project's public timeline: the day it reached a
    stage, and in a sentence what that meant. The latest line is the
    project's current stage."""

    page = ParentalKey(ProjectPage, related_name="stage_changes", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    stage = models.CharField(_("stage"), max_length=12, choices=ProjectPage.Stage.choices)
    note = models.CharField(
        _("what happened"),
        max_length=240,
        blank=True,
        help_text=_("In one plain sentence, for the public: what was decided or done."),
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("stage")]), FieldPanel("note")]
    api_fields = [APIField("date"), APIField("stage"), APIField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("stage reached")
        verbose_name_plural = _("timeline of stages")


class ProjectUpdate(Orderable):
    page = ParentalKey(ProjectPage, related_name="updates", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("what happened"))

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")]
    api_fields = [APIField("date"), APIField("title"), APIField("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")


class OpportunityIndexPage(SitePage):
    """A hub: /opportunities/ (every type) or /placements/, /calls/, /projects/."""

    class Kind(models.TextChoices):
        ALL = "", _("All opportunities")
        PLACEMENT = "placement", _("Work placements")
        CALL = "call", _("Calls for participation")
        PROJECT = "project", _("Joint projects")

    kind = models.CharField(_("lists"), max_length=12, choices=Kind.choices, blank=True)
    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    api_fields = [APIField("kind"), APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("opportunity hub")
        verbose_name_plural = _("opportunity hubs")

    def get_context(self, request, *args, **kwargs):
        from .filters import OpportunityListing
        from .listing import published_opportunities

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = OpportunityListing(
            request.GET,
            published_opportunities(self.locale_id, self.kind),
            show_type=not self.kind,
            path=request.path,
        )
        return context
