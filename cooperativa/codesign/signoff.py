"""The partner sign-off rules: who is asked, who may act, when it is done.

``PartnerSignOffTask`` (models.py) hands every Wagtail hook here, so the
rule is written once:

- the *parties* to a page are the organisation whose subtree holds it (the
  lead) and the organisations that accepted to be its partners, while they
  are approved;
- the sign-off asks every party the submitter does not belong to, on the
  project's original page only (translations follow the original);
- an organisation has signed off when it approved a version whose content
  is the content under review now: an edit after its sign-off asks it again,
  while a comment or a save with no change does not.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Task, TaskState

from partners import permissions
from partners.models import Membership, Organisation, PartnerPage

from .models import Partnership, PartnerSignOffTaskState, SignOff

# What a revision holds besides the page's content: who saved it, when,
# its comments, its place in the tree. Sign-offs compare the rest.
_PAGE_CONTENT_FIELDS = {"title", "slug", "seo_title", "search_description"}
_NOT_CONTENT = {
    field.attname for field in Page._meta.concrete_fields if field.name not in _PAGE_CONTENT_FIELDS
} | {field.name for field in Page._meta.concrete_fields if field.name not in _PAGE_CONTENT_FIELDS}
_NOT_CONTENT |= {"pk", "comments", "wagtail_admin_comments", "page_ptr", "page_ptr_id"}


def substance(revision):
    """The content of a revision that partners agree to."""
    if revision is None:
        return None
    return {key: value for key, value in revision.content.items() if key not in _NOT_CONTENT}


# --- Parties ------------------------------------------------------------------


def original_page(page):
    """The first page of ``page``'s translations: where partners sign off."""
    return Page.objects.filter(translation_key=page.translation_key).order_by("pk").first()


def is_original(page):
    return original_page(page).pk == page.pk


def lead_organisation(page):
    """The organisation whose partner page holds ``page`` (or is it)."""
    host = PartnerPage.objects.ancestor_of(page, inclusive=True).select_related("organisation")
    host = host.first()
    return host.organisation if host else None


def parties(page):
    """The lead organisation (while approved) and the accepted partners."""
    lead = lead_organisation(page)
    partner_ids = Partnership.objects.for_project(page).accepted().values("organisation")
    organisations = Organisation.objects.public().filter(pk__in=partner_ids)
    if lead is not None:
        organisations = organisations | Organisation.objects.public().filter(pk=lead.pk)
    return list(organisations.distinct().order_by("name"))


def organisations_of(user):
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def members(organisations):
    """The active members of ``organisations``, each once."""
    return list(
        get_user_model()
        .objects.filter(
            memberships__organisation__in=organisations,
            memberships__organisation__status=Organisation.Status.APPROVED,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


# --- One sign-off step --------------------------------------------------------


def _page(task_state):
    return task_state.workflow_state.content_object


def required(task_state):
    """The organisations this step asks: every party the submitter is not
    a member of; none on a translation."""
    page = _page(task_state)
    if not is_original(page):
        return []
    submitter = organisations_of(task_state.workflow_state.requested_by)
    return [organisation for organisation in parties(page) if organisation.pk not in submitter]


def agreed(task_state):
    """{organisation id: SignOff} for the organisations whose sign-off holds
    for the content under review now."""
    page = _page(task_state)
    current = substance(page.get_latest_revision())
    sign_offs = (
        SignOff.objects.filter(
            task_state__workflow_state=task_state.workflow_state,
            decision=SignOff.Decision.APPROVED,
        )
        .select_related("revision")
        .order_by("at", "pk")
    )
    return {
        sign_off.organisation_id: sign_off
        for sign_off in sign_offs
        if substance(sign_off.revision) == current
    }


def due(task_state):
    """The organisations still to sign off in this step."""
    done = agreed(task_state)
    return [organisation for organisation in required(task_state) if organisation.pk not in done]


def current_sign_off_state(page):
    """The page's sign-off step in progress, or None."""
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    task_state = task_state.specific
    return task_state if isinstance(task_state, PartnerSignOffTaskState) else None


def due_organisations_of(page, user):
    """The organisations ``user`` may sign off for on ``page`` now."""
    task_state = current_sign_off_state(page)
    if task_state is None:
        return []
    mine = organisations_of(user)
    if not mine:
        return []
    return [organisation for organisation in due(task_state) if organisation.pk in mine]


def is_due_member(page, user):
    return bool(due_organisations_of(page, user))


def may_work_on(page, user):
    """Who may keep editing (and commenting) while partners sign off: the
    parties' members, the moderators, and members of an organisation asked."""
    if getattr(user, "is_superuser", False) or permissions.can_moderate(user):
        return True
    mine = organisations_of(user)
    return any(organisation.pk in mine for organisation in parties(page)) or is_due_member(
        page, user
    )


def states_due_for(task, user):
    """The sign-off steps in progress that wait for one of ``user``'s organisations."""
    in_progress = PartnerSignOffTaskState.objects.filter(
        task=task, status=TaskState.STATUS_IN_PROGRESS
    ).select_related("workflow_state")
    mine = organisations_of(user)
    if not mine:
        return TaskState.objects.none()
    ids = [
        state.pk
        for state in in_progress
        if any(organisation.pk in mine for organisation in due(state))
    ]
    return TaskState.objects.filter(pk__in=ids)


def summary(task_state):
    """Who agreed to which version, for the workflow history."""
    lines = [
        _("%(organisation)s: %(decision)s version %(revision)s on %(date)s")
        % {
            "organisation": sign_off.organisation.name,
            "decision": sign_off.get_decision_display().lower(),
            "revision": sign_off.revision_id,
            "date": date_format(timezone.localtime(sign_off.at), "DATETIME_FORMAT"),
        }
        + (f" – {sign_off.comment}" if sign_off.comment else "")
        for sign_off in task_state.sign_offs.select_related("organisation")
    ]
    if task_state.comment:
        lines.append(task_state.comment)
    return "\n".join(lines)


# --- What happens -------------------------------------------------------------


def start(task, workflow_state, user=None):
    """Open the step; pass at once when nobody is to be asked, else ask the
    members of each organisation due."""
    from . import notifications

    task_state = Task.start(task, workflow_state, user=user)
    to_ask = due(task_state)
    if not to_ask:
        task_state.status = TaskState.STATUS_APPROVED
        task_state.finished_at = timezone.now()
        task_state.comment = _("No other partner needs to sign off.")
        task_state.save(update_fields=["status", "finished_at", "comment"])
        return task_state
    page = _page(task_state).specific
    for organisation in to_ask:
        log(page, "codesign.ask_sign_off", user=user, data={"organisation": organisation.name})
    notifications.sign_off_due(page, to_ask, exclude=user)
    return task_state


@transaction.atomic
def act(task_state, user, action_name, comment=""):
    """``user`` signs off (approve) or asks for changes (reject) for each
    organisation of theirs whose sign-off is due."""
    task_state = PartnerSignOffTaskState.objects.select_for_update().get(pk=task_state.pk)
    if task_state.status != TaskState.STATUS_IN_PROGRESS or action_name not in (
        "approve",
        "reject",
    ):
        raise PermissionDenied
    mine = organisations_of(user)
    organisations = [organisation for organisation in due(task_state) if organisation.pk in mine]
    if not organisations:
        raise PermissionDenied
    record(task_state, organisations, by=user, approve=action_name == "approve", comment=comment)


def record(task_state, organisations, *, by, approve, comment=""):
    """Record the answer of ``organisations`` (due in this step) on the
    version under review, log each, and move the workflow on: a request for
    changes sends the page back to its author; the last sign-off passes."""
    page = _page(task_state).specific
    revision = page.get_latest_revision()
    decision = SignOff.Decision.APPROVED if approve else SignOff.Decision.CHANGES_REQUESTED
    for organisation in organisations:
        SignOff.objects.create(
            task_state=task_state,
            organisation=organisation,
            revision=revision,
            decision=decision,
            by=by,
            comment=comment,
        )
        log(
            page,
            "codesign.sign_off" if approve else "codesign.request_changes",
            user=by,
            revision=revision,
            data={"organisation": organisation.name, "comment": comment},
        )
    if not approve:
        task_state.reject(user=by, comment=comment)
    elif not due(task_state):
        task_state.approve(user=by, comment=comment)


def recheck(page, user=None):
    """After the parties changed (a partner left, an organisation was
    suspended): finish the step when nobody is left to sign off."""
    task_state = current_sign_off_state(page)
    if task_state is not None and not due(task_state):
        task_state.approve(user=user, comment=_("No other partner needs to sign off."))


def content_changed(page, user):
    """Called after an edit: each organisation whose sign-off held for the
    content just before the edit, and no longer does, is asked again; if
    the workflow had moved past the sign-off, it goes back to it."""
    from . import notifications

    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_IN_PROGRESS:
        return []
    sign_off_states = PartnerSignOffTaskState.objects.filter(workflow_state=workflow_state)
    if not sign_off_states.exists():
        return []
    current, previous = (list(page.revisions.order_by("-created_at", "-id")[:2]) + [None, None])[:2]
    now, before = substance(current), substance(previous)
    if previous is None or now == before:
        return []
    latest = {}
    approved = SignOff.objects.filter(
        task_state__workflow_state=workflow_state, decision=SignOff.Decision.APPROVED
    ).select_related("revision", "organisation")
    for sign_off in approved.order_by("at", "pk"):
        latest[sign_off.organisation_id] = sign_off
    stale = [
        sign_off.organisation
        for sign_off in latest.values()
        if substance(sign_off.revision) == before
    ]
    if not stale:
        return []
    for organisation in stale:
        log(page, "codesign.ask_again", user=user, data={"organisation": organisation.name})
    task = sign_off_states.order_by("-pk").first().task.specific
    current_state = workflow_state.current_task_state
    if current_state is not None and current_state.task_id == task.pk:
        if current_state.status == TaskState.STATUS_IN_PROGRESS:
            notifications.sign_off_due(page, stale, exclude=user, again=True)
        return stale
    # The workflow had moved on to the panel or the moderators: their step
    # stops, and the sign-off starts again (its start asks whoever is due).
    if current_state is not None and current_state.status == TaskState.STATUS_IN_PROGRESS:
        current_state.status = TaskState.STATUS_CANCELLED
        current_state.finished_at = timezone.now()
        current_state.finished_by = user
        current_state.comment = _("The content changed after the partners signed off.")
        current_state.save(update_fields=["status", "finished_at", "finished_by", "comment"])
    workflow_state.update(user=user, next_task=task)
    return stale


def organisations_named(user, page):
    """The parties of ``page`` that ``user`` speaks for (for emails)."""
    mine = organisations_of(user)
    return [organisation for organisation in parties(page) if organisation.pk in mine]
