"""An organisation's lifecycle, declared once as its allowed transitions.

    pending ──approve──▶ approved ──suspend──▶ suspended ──reinstate──▶ approved
    pending ──reject───▶ rejected ──update_application──▶ pending
    pending / rejected ──more_information──▶ pending

``TRANSITIONS`` is the whole rule: from which statuses an action may start,
the status it leads to, its label, and who may take it. The services check
it before acting (``require``), and the admin's moderation buttons and the
management area's forms derive from it (``allowed_actions``,
``refusal``), so no screen decides a status change on its own.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import permissions
from .errors import PartnerError
from .models import Organisation

Status = Organisation.Status
UNDER_REVIEW = (Status.PENDING, Status.REJECTED)

# Who may take an action: the cooperative's moderators, or the
# organisation's own administrators.
MODERATORS = "moderate"
ADMINISTRATORS = "manage"


@dataclass(frozen=True)
class Transition:
    sources: tuple
    target: str
    label: str
    permission: str
    # Shown (and raised) when the organisation's status does not allow it.
    refused: str


TRANSITIONS = {
    "approve": Transition(
        UNDER_REVIEW,
        Status.APPROVED,
        _("Approve organisation"),
        MODERATORS,
        _("Only an application under review can be approved."),
    ),
    "more_information": Transition(
        UNDER_REVIEW,
        Status.PENDING,
        _("Ask for more information"),
        MODERATORS,
        _("Only an application under review can be asked for more information."),
    ),
    "reject": Transition(
        UNDER_REVIEW,
        Status.REJECTED,
        _("Reject application"),
        MODERATORS,
        _("Only an application under review can be rejected."),
    ),
    "suspend": Transition(
        (Status.APPROVED,),
        Status.SUSPENDED,
        _("Suspend organisation"),
        MODERATORS,
        _("Only an approved organisation can be suspended."),
    ),
    "reinstate": Transition(
        (Status.SUSPENDED,),
        Status.APPROVED,
        _("Reinstate organisation"),
        MODERATORS,
        _("Only a suspended organisation can be reinstated."),
    ),
    "update_application": Transition(
        UNDER_REVIEW,
        Status.PENDING,
        _("Update application"),
        ADMINISTRATORS,
        _("Only an application still under review can be changed here."),
    ),
}


def refusal(organisation, action):
    """Why ``action`` cannot happen to the organisation now, or ""."""
    transition = TRANSITIONS[action]
    if organisation.status not in transition.sources:
        return transition.refused
    # The one condition beyond the status: an informal group needs a voucher.
    if action == "approve" and organisation.needs_vouching:
        return _(
            "This informal group cannot be approved until an approved organisation vouches for it."
        )
    return ""


def may(user, organisation, action):
    """Whether ``user`` is someone who may take ``action`` (whatever the status)."""
    if TRANSITIONS[action].permission == MODERATORS:
        return permissions.can_moderate(user)
    return permissions.can_manage(user, organisation)


def allowed_actions(organisation, user):
    """The actions ``user`` may take on the organisation now, in table order."""
    return [
        action
        for action in TRANSITIONS
        if may(user, organisation, action) and not refusal(organisation, action)
    ]


def require(organisation, action):
    """Raise PartnerError unless the organisation's status allows ``action``;
    returns the status it leads to."""
    if message := refusal(organisation, action):
        raise PartnerError(message)
    return TRANSITIONS[action].target
