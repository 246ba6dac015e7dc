"""Receivers: the partners' lifecycle, Wagtail's workflow and publication.

Wagtail emails the submitter itself when a workflow is rejected or
approved. For the Co-design workflow those emails are ours (to the author
when changes are requested, to everyone involved on publication, each
through notify()), so Wagtail's two notifiers are wrapped to stay silent on
Co-design workflow states and keep working for every other workflow.
"""

from django.db.models.signals import post_save
from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from cooperativa.opportunities.models import ProjectPage
from partners import signals as partner_signals
from partners.models import PartnerPage

WAGTAIL_NOTIFIERS = {
    workflow_rejected: (
        "workflow_state_rejected_email_notification",
        wagtail_notifiers.workflow_rejection_email_notifier,
    ),
    workflow_approved: (
        "workflow_state_approved_email_notification",
        wagtail_notifiers.workflow_approval_email_notifier,
    ),
}


def _unless_codesign(notifier):
    def notify_unless_codesign(sender, instance=None, **kwargs):
        from .services import is_codesign

        if is_codesign(instance):
            return False
        return notifier(instance=instance, **kwargs)

    return notify_unless_codesign


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    from . import notifications, services

    if services.is_codesign(instance):
        task_state = instance.current_task_state
        notifications.changes_requested(instance, user, task_state.comment if task_state else "")


def on_workflow_approved(sender, instance, user=None, **kwargs):
    from . import notifications, services

    if services.is_codesign(instance):
        services.record_agreement(instance)
        notifications.published(instance, user)


def on_page_published(sender, instance, revision=None, user=None, **kwargs):
    from . import services

    services.record_stage(instance, by=user)


def on_partner_page_saved(sender, instance, created=False, raw=False, **kwargs):
    """A partner page added later (a new language) follows the workflow too."""
    from . import services

    if created and not raw and instance.organisation.is_approved:
        services.apply_workflow(instance.organisation)


def on_project_saved(sender, instance, created=False, raw=False, **kwargs):
    """A new translation of a project: its accepted partners may edit it too."""
    from . import services

    if created and not raw:
        services.grant_editing_of_project(instance)


def on_organisation_approved(sender, organisation, by=None, **kwargs):
    from . import services

    services.organisation_approved(organisation)


def on_organisation_suspended(sender, organisation, by=None, **kwargs):
    from . import services

    services.organisation_suspended(organisation, by=by)


_receivers = []


def connect():
    for signal, (dispatch_uid, notifier) in WAGTAIL_NOTIFIERS.items():
        # Whichever app is ready first, Wagtail's own receiver ends up replaced.
        signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
        receiver = _unless_codesign(notifier)
        _receivers.append(receiver)  # signals keep weak references
        signal.connect(receiver, sender=WorkflowState, dispatch_uid=dispatch_uid)
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState)
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState)
    page_published.connect(on_page_published)
    post_save.connect(on_partner_page_saved, sender=PartnerPage)
    post_save.connect(on_project_saved, sender=ProjectPage)
    partner_signals.organisation_approved.connect(on_organisation_approved)
    partner_signals.organisation_suspended.connect(on_organisation_suspended)
