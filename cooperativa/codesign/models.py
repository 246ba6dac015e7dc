"""Co-design: who agreed to be named on a project, and who signed off which version.

A project's partners are asked before they are named (``Partnership``). The
"Co-design" workflow's first step, ``PartnerSignOffTask``, asks every party
to the project (the lead organisation and the accepted partners) other than
the person submitting, and keeps one ``SignOff`` per organisation with the
revision it saw. The optional lived-experience panel is a
``PanelReviewTask``; the cooperative's moderators approve and publish with
Wagtail's own group approval task.

Translations: partners are asked once per project. The sign-off runs on the
project's original page (the first of its translations); a translation's
sign-off step passes at once and the moderators check it against the
original the partners agreed.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState


class PartnershipQuerySet(models.QuerySet):
    def for_project(self, page):
        """The partnerships of ``page``'s project, whatever its language."""
        return self.filter(translation_key=page.translation_key)

    def accepted(self):
        """Partnerships the organisation agreed to and has not left, of
        organisations the public may see (a suspended one drops out)."""
        from partners.models import Organisation

        return self.filter(
            status=Partnership.Status.ACCEPTED,
            organisation__status=Organisation.Status.APPROVED,
        )


class Partnership(models.Model):
    """An organisation named as a partner of a joint project, and its answer."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Asked")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    # The project in every language: translations share the key.
    translation_key = models.UUIDField(db_index=True, editable=False)
    project = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page on which the organisation was named."),
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED, db_index=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("asked on"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    # The last published version this organisation signed off, and when.
    agreed_at = models.DateTimeField(_("agreed on"), null=True, blank=True)
    agreed_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("version agreed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["invited_at"]
        verbose_name = _("project partnership")
        verbose_name_plural = _("project partnerships")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "organisation"], name="one_partnership_per_project"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.project} ({self.get_status_display()})"


class PartnerSignOffTask(Task):
    """Every party to the project other than the submitter signs off the
    version under review, or asks for changes. The rules live in
    cooperativa.codesign.signoff; this class is Wagtail's way in."""

    task_state_class = None  # set below, once the state class exists

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("partner sign-off")
        verbose_name_plural = _("partner sign-offs")

    @classmethod
    def get_description(cls):
        return _("Each partner organisation of the project approves the version under review")

    def start(self, workflow_state, user=None):
        from . import signoff

        return signoff.start(self, workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        from . import signoff

        return signoff.is_due_member(obj, user)

    def locked_for_user(self, obj, user):
        from . import signoff

        return not signoff.may_work_on(obj, user)

    def get_actions(self, obj, user):
        from . import signoff

        if not signoff.is_due_member(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Sign off"), False),
            ("approve", _("Sign off with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        from . import signoff

        signoff.act(task_state, user, action_name, comment=kwargs.get("comment", ""))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from . import signoff

        return signoff.states_due_for(self, user)


class PartnerSignOffTaskState(TaskState):
    """The sign-off step of one submission; its SignOffs say who agreed."""

    class Meta:
        verbose_name = _("partner sign-off state")
        verbose_name_plural = _("partner sign-off states")

    def get_comment(self):
        from . import signoff

        return signoff.summary(self)


PartnerSignOffTask.task_state_class = PartnerSignOffTaskState


class SignOff(models.Model):
    """One organisation's answer on one version of a project."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Signed off")
        CHANGES_REQUESTED = "changes", _("Asked for changes")

    task_state = models.ForeignKey(
        PartnerSignOffTaskState,
        verbose_name=_("sign-off step"),
        on_delete=models.CASCADE,
        related_name="sign_offs",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="sign_offs",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("on"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")

    def __str__(self):
        return f"{self.organisation}: {self.get_decision_display()} ({self.revision_id})"


class PanelReviewTask(AbstractGroupApprovalTask):
    """The lived-experience panel's review: a group approval that is
    skipped while the panel's groups have no active member, so a workflow
    never waits for a panel the cooperative has not formed."""

    class Meta:
        verbose_name = _("lived-experience panel review")
        verbose_name_plural = _("lived-experience panel reviews")

    @classmethod
    def get_description(cls):
        return _(
            "People with lived experience of the justice system review the page before the "
            "moderators; skipped while the chosen groups have no members"
        )

    def locked_for_user(self, obj, user):
        # The project's parties may still edit while the panel reads; an
        # edit sends the page back to the partners' sign-off.
        from . import signoff

        return super().locked_for_user(obj, user) and not signoff.may_work_on(obj, user)

    def start(self, workflow_state, user=None):
        has_members = (
            get_user_model().objects.filter(groups__in=self.groups.all(), is_active=True).exists()
        )
        if has_members:
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_SKIPPED
        task_state.revision = workflow_state.content_object.get_latest_revision()
        task_state.task = self
        task_state.finished_at = timezone.now()
        task_state.save()
        return task_state
