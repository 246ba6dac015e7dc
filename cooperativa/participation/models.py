"""What people send about placements and calls, and what the organisations
note about it.

A Response is recorded with the host organisation at the moment it is sent,
so a page moved or deleted later never changes who may read it. It holds the
least that is needed to get in touch. No field here, or anywhere else on the
platform, records an offence or a conviction (tests/test_participation_privacy.py
looks at every model): where an opportunity needs to know a person's justice
status (a placement for people eligible for work outside prison), it is one
closed choice that includes "prefer not to say".
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import Orderable

# The kinds of question an editor may add to a call: the ones a respondent
# can answer on a cheap phone, with no upload.
QUESTION_TYPES = [
    ("singleline", _("Short text")),
    ("multiline", _("Long text")),
    ("dropdown", _("Choice from a list")),
    ("radio", _("Choice (buttons)")),
    ("date", _("Date")),
]


class ResponseQuestion(AbstractFormField):
    """A question of a call's own, answered in its response form."""

    page = ParentalKey(
        "opportunities.CallPage", on_delete=models.CASCADE, related_name="response_questions"
    )
    field_type = models.CharField(_("field type"), max_length=16, choices=QUESTION_TYPES)
    field_type.required_on_save = True

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices", classname="formbuilder-choices"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class JusticeStatusQuestion(Orderable):
    """Present on an opportunity (at most one) when it may only be open to
    people in a given situation, and so must ask about it."""

    page = ParentalKey(
        "opportunities.OpportunityPage",
        on_delete=models.CASCADE,
        related_name="justice_status_questions",
    )
    reason = models.CharField(
        _("why it is asked"),
        max_length=240,
        help_text=_(
            "Shown above the question, e.g.: “This placement is for people who may work "
            "outside prison.” Never ask about offences."
        ),
    )

    panels = [FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("question about justice status")
        verbose_name_plural = _("questions about justice status")


class JusticeStatus(models.TextChoices):
    """The one closed choice about a person's situation. It never asks why."""

    CUSTODY = "custody", _("In prison")
    COMMUNITY = "community", _("On probation or another measure in the community")
    RELEASED = "released", _("Released")
    NONE = "none", _("None of these")
    PREFER_NOT_TO_SAY = "prefer_not", _("Prefer not to say")


class ResponseQuerySet(models.QuerySet):
    def awaiting_reply(self):
        return self.filter(status=Response.Status.NEW)


class Response(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        IN_PROGRESS = "in_progress", _("In progress")
        ACCEPTED = "accepted", _("Accepted")
        NOT_PROGRESSED = "not_progressed", _("Not progressed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class ContactRoute(models.TextChoices):
        EMAIL = "email", _("By email")
        PHONE = "phone", _("By phone")
        REFERRER = "referrer", _("Through the person who referred them")

    # Who it is for, fixed when it is sent.
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        verbose_name=_("opportunity"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    opportunity_title = models.CharField(_("opportunity title"), max_length=255)
    # The closing date when it was sent; retention counts from the
    # opportunity's current one while the page exists, from this after.
    opportunity_closes_on = models.DateField(_("opportunity closing date"), null=True, blank=True)

    # Who sent it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referred by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    referrer_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("referring organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )

    # What they sent: the least needed to get in touch.
    name = models.CharField(_("name or initials"), max_length=120, blank=True)
    contact_route = models.CharField(
        _("how to get in touch"), max_length=10, choices=ContactRoute.choices
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), blank=True)
    access_needs = models.TextField(_("access needs"), blank=True)
    answers = models.JSONField(
        _("answers to the call's questions"),
        default=list,
        blank=True,
        help_text=_("A list of {question, answer}, as the questions read when it was sent."),
    )
    justice_status = models.CharField(
        _("justice status"), max_length=12, choices=JusticeStatus.choices, blank=True
    )
    consent_statement = models.TextField(_("what the person agreed to"))
    language = models.CharField(_("language"), max_length=10, blank=True)

    # What happens to it.
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed on"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)
    # One response however often the form is sent (a double tap, a retry).
    submission_token = models.UUIDField(_("submission token"), unique=True, default=uuid.uuid4)

    objects = ResponseQuerySet.as_manager()

    # A response is not content that uses the page: kept out of Wagtail's
    # reference index, it never shows in a page's "Usage" to its editors,
    # and sending one writes nothing there.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        # Also the label of its audit entries: never the person's data.
        return _("Response %(number)s to “%(title)s”") % {
            "number": self.pk,
            "title": self.opportunity_title,
        }

    @property
    def is_referral(self):
        return self.contact_route == self.ContactRoute.REFERRER

    @property
    def referrer_label(self):
        """Who referred the person, for the organisation to reach them through."""
        if not self.referred_by_id:
            return ""
        return f"{self.referred_by.email} ({self.referrer_organisation})"

    @property
    def answers_text(self):
        return "\n".join(f"{item['question']}: {item['answer']}" for item in self.answers)

    @property
    def can_be_withdrawn(self):
        return self.status not in (self.Status.WITHDRAWN,) and self.anonymised_at is None


class ResponseNote(models.Model):
    """An internal note of the organisation about a response, never shown to
    the person; deleted with the response."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    wagtail_reference_index_ignore = True  # as for Response

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return _("Note on response %(number)s") % {"number": self.response_id}
