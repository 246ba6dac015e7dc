"""Saved searches and the records that make every alert job idempotent.

An alert stores a hub and the hub's own normalised query string, never a
filter of its own: matching re-runs the hub's faceted listing
(``cooperativa.opportunities.filters.OpportunityListing``) on that query.
``SentItem`` holds each opportunity an alert has announced, with a unique
constraint, so that an opportunity is announced at most once per alert
whatever runs twice. ``DeadlineNotice`` does the same for reminders and
closing summaries: one row per opportunity (all its translations), closing
date and kind of notice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Alert(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As soon as they are published")
        DAILY = "daily", _("Once a day")
        WEEKLY = "weekly", _("Once a week")

    # A signed-in participant's alert belongs to the account; without an
    # account the address alone is enough, after double opt-in.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alerts",
    )
    email = models.EmailField(_("email address"), blank=True)
    name = models.CharField(_("name"), max_length=100)
    hub = models.ForeignKey(
        "opportunities.OpportunityIndexPage",
        verbose_name=_("hub"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The hub's filters as its own listing normalises them (filter_params).
    query = models.CharField(_("search"), max_length=2000, blank=True)
    # The language the alert was made in: of its emails when the account
    # does not say otherwise.
    language = models.CharField(_("language"), max_length=8)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The last digest period sent (a day or an ISO week): a second run in
    # the same period sends nothing.
    last_period = models.CharField(max_length=20, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    # Part of every signed link, so that a link to a deleted alert can never
    # act on a later one that reuses its id.
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [models.Index(fields=["frequency", "confirmed_at"], name="alerts_due_idx")]

    def __str__(self):
        return self.name

    @property
    def address(self):
        return self.user.email if self.user_id else self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class SentItem(models.Model):
    """An opportunity announced by an alert: never again by the same alert."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="sent_items")
    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "opportunity"], name="alerts_sent_once")
        ]

    def __str__(self):
        return f"{self.alert_id}: {self.opportunity_id}"


class DeadlineNotice(models.Model):
    """A reminder before an opportunity closes, or the summary after: one
    per opportunity (its translations share ``translation_key``), closing
    date and kind. An extended opportunity gets a reminder for its new date."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder before closing")
        SUMMARY = "summary", _("Summary after closing")

    translation_key = models.UUIDField()
    closes_on = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The one-click extension: used once, by whom.
    extended_at = models.DateTimeField(null=True, blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "closes_on", "kind"], name="alerts_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.closes_on}"
