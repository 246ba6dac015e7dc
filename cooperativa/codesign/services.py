"""Co-design operations: naming partners and their answers, the Co-design
workflow on partner subtrees, and what follows a publication.

Each runs in one transaction, writes its own entry to Wagtail's log (on the
project's page, so it shows in the page's history and the site-wide log)
and sends its emails through ``notify()`` after the commit.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from partners.errors import PartnerError
from partners.models import Organisation, PartnerPage

from . import notifications, signoff
from .models import Partnership, PartnerSignOffTask, SignOff

__all__ = ["PartnerError"]

# A partner edits the project; it never publishes it.
EDIT_PERMISSION = ("wagtailcore", "page", "change_page")


# --- The workflow -------------------------------------------------------------


def codesign_workflow():
    """The active workflow that starts with the partner sign-off."""
    content_type = ContentType.objects.get_for_model(PartnerSignOffTask)
    return (
        Workflow.objects.active()
        .filter(workflow_tasks__task__content_type=content_type)
        .order_by("pk")
        .first()
    )


def apply_workflow(organisation):
    """Put the organisation's partner pages, and so everything below them,
    on the Co-design workflow."""
    workflow = codesign_workflow()
    if workflow is None:
        return 0
    count = 0
    for page in PartnerPage.objects.filter(organisation=organisation):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        count += 1
    return count


def is_codesign(workflow_state):
    return workflow_state is not None and workflow_state.workflow_id == getattr(
        codesign_workflow(), "pk", None
    )


# --- Naming partners ----------------------------------------------------------


def named_organisations(page):
    """The organisations chosen in the page's partner field (saved or not)."""
    chosen = page.partner_organisations.all()
    ids = [getattr(organisation, "pk", organisation) for organisation in chosen]
    return Organisation.objects.filter(pk__in=ids)


@transaction.atomic
def ask_named_partners(page, *, by):
    """Ask each organisation newly named on the project whether it agrees
    to be a partner. The lead itself and organisations already asked (and
    so those that declined or left) are not asked again."""
    page = page.specific
    if not hasattr(page, "partner_organisations"):
        return []
    lead = signoff.lead_organisation(page)
    already = set(Partnership.objects.for_project(page).values_list("organisation_id", flat=True))
    asked = []
    for organisation in named_organisations(page).public():
        if organisation.pk in already or (lead and organisation.pk == lead.pk):
            continue
        partnership = Partnership.objects.create(
            translation_key=page.translation_key,
            project=page,
            organisation=organisation,
            invited_by=by,
        )
        log(page, "codesign.invite", user=by, data={"organisation": organisation.name})
        notifications.asked_to_partner(partnership)
        asked.append(partnership)
    return asked


def _lock(partnership):
    return (
        Partnership.objects.select_for_update()
        .select_related("organisation")
        .get(pk=partnership.pk)
    )


def _project_pages(partnership):
    return Page.objects.filter(translation_key=partnership.translation_key)


def _edit_permission():
    app_label, model, codename = EDIT_PERMISSION
    return Permission.objects.get(
        content_type=ContentType.objects.get_by_natural_key(app_label, model), codename=codename
    )


def grant_editing(partnership):
    """The partner's group may edit the project in every language (never publish)."""
    group = partnership.organisation.group
    if group is None:
        return
    permission = _edit_permission()
    for page in _project_pages(partnership):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_editing_of_project(page):
    """Every accepted partner of ``page``'s project may edit it (all its languages)."""
    for partnership in (
        Partnership.objects.for_project(page).accepted().select_related("organisation")
    ):
        grant_editing(partnership)


def withdraw_editing(partnership):
    group = partnership.organisation.group
    if group is None:
        return
    GroupPagePermission.objects.filter(
        group=group, page__in=_project_pages(partnership), permission=_edit_permission()
    ).delete()


@transaction.atomic
def answer(partnership, *, by, accept):
    """The organisation's administrator ``by`` accepts or declines being
    named on the project."""
    partnership = _lock(partnership)
    if partnership.status != Partnership.Status.INVITED:
        raise PartnerError(_("This request has already been answered."))
    if not partnership.organisation.is_approved:
        raise PartnerError(_("Only an approved organisation can be a partner."))
    partnership.status = Partnership.Status.ACCEPTED if accept else Partnership.Status.DECLINED
    partnership.decided_by = by
    partnership.decided_at = timezone.now()
    partnership.save(update_fields=["status", "decided_by", "decided_at"])
    if accept:
        grant_editing(partnership)
    page = partnership.project.specific
    log(
        page,
        "codesign.accept" if accept else "codesign.decline",
        user=by,
        data={"organisation": partnership.organisation.name},
    )
    return partnership


@transaction.atomic
def leave(partnership, *, by):
    """An accepted partner stops being named and loses its editing rights."""
    partnership = _lock(partnership)
    if partnership.status != Partnership.Status.ACCEPTED:
        raise PartnerError(_("Only an accepted partner can leave a project."))
    partnership.status = Partnership.Status.LEFT
    partnership.decided_by = by
    partnership.decided_at = timezone.now()
    partnership.save(update_fields=["status", "decided_by", "decided_at"])
    withdraw_editing(partnership)
    page = partnership.project.specific
    log(page, "codesign.leave", user=by, data={"organisation": partnership.organisation.name})
    for project in _project_pages(partnership):
        signoff.recheck(project, user=by)
    return partnership


# --- Organisations approved and suspended -------------------------------------


def organisation_approved(organisation):
    """On approval or reinstatement: its subtree follows the Co-design
    workflow, and it may edit again the projects it is a partner of."""
    apply_workflow(organisation)
    for partnership in Partnership.objects.filter(
        organisation=organisation, status=Partnership.Status.ACCEPTED
    ).select_related("organisation"):
        grant_editing(partnership)


def organisation_suspended(organisation, *, by=None):
    """A suspended organisation is no longer asked: sign-offs waiting only
    for it are complete. (Its rights were withdrawn with the suspension,
    and public partner lists show approved organisations only.)"""
    keys = Partnership.objects.filter(organisation=organisation).values("translation_key")
    for page in Page.objects.filter(translation_key__in=keys):
        signoff.recheck(page, user=by)


# --- Publication --------------------------------------------------------------


def record_agreement(workflow_state):
    """When a co-designed page is published, each partner's date of
    agreement becomes the day it signed off the published content."""
    page = workflow_state.content_object.specific
    published = signoff.substance(page.live_revision)
    latest = {}
    for sign_off in (
        SignOff.objects.filter(
            task_state__workflow_state=workflow_state, decision=SignOff.Decision.APPROVED
        )
        .select_related("revision")
        .order_by("at", "pk")
    ):
        if signoff.substance(sign_off.revision) == published:
            latest[sign_off.organisation_id] = sign_off
    for partnership in Partnership.objects.for_project(page).filter(organisation__in=list(latest)):
        sign_off = latest[partnership.organisation_id]
        partnership.agreed_at = sign_off.at
        partnership.agreed_revision = sign_off.revision
        partnership.save(update_fields=["agreed_at", "agreed_revision"])


def record_stage(page, *, by=None):
    """Log the project's stage when a publication changes it."""
    stage = getattr(page, "stage", None)
    if stage is None:
        return None
    from wagtail.models import PageLogEntry

    last = (
        PageLogEntry.objects.filter(page=page, action="codesign.stage_change")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if last is not None and last.data.get("stage") == stage:
        return None
    change = page.latest_stage_change()
    return log(
        page,
        "codesign.stage_change",
        user=by,
        data={
            "stage": stage,
            "label": str(page.get_stage_display()),
            "date": change.date.isoformat() if change else "",
            "note": change.note if change else "",
        },
    )


def public_partnerships(page):
    """{organisation id: Partnership} of the accepted partners of ``page``."""
    return {
        partnership.organisation_id: partnership
        for partnership in Partnership.objects.for_project(page).accepted()
    }
