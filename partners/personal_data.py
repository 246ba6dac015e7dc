"""What the partners app adds to a person's "my data": the organisations they
belong to and have asked to join, the rule that keeps every organisation
with an administrator when someone deletes their account, and who sees other
people's data in the management area (so must use two-factor
authentication there)."""

from django.utils.translation import gettext as _

from cooperativa.accounts.middleware import register_sensitive_role
from cooperativa.accounts.personal_data import register_deletion_check, register_section

from .models import JoinRequest, Membership, Organisation
from .permissions import is_last_admin, memberships_of


def _when(value):
    return value.isoformat() if value else None


@register_section("organisations")
def organisations(user):
    return {
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "role": membership.role,
                "since": _when(membership.created_at),
            }
            for membership in memberships_of(user)
        ],
        "requests_to_join": [
            {
                "organisation": request.organisation.name,
                "message": request.message,
                "sent_at": _when(request.created_at),
                "decided_at": _when(request.decided_at),
                "accepted": request.accepted,
            }
            for request in JoinRequest.objects.filter(user=user).select_related("organisation")
        ],
        "applications": [
            {"organisation": organisation.name, "status": organisation.status}
            for organisation in Organisation.objects.filter(applicant=user)
        ],
    }


@register_deletion_check
def last_administrator(user):
    """An organisation always keeps an administrator: its only one must hand
    over before leaving, or the organisation's members and moderators lose
    the person who can manage it."""
    sole = [
        membership.organisation.name
        for membership in memberships_of(user)
        if is_last_admin(membership)
    ]
    if not sole:
        return None
    return _(
        "You are the only administrator of %(organisations)s. Make another member "
        "administrator first (under My organisations), then delete your account."
    ) % {"organisations": ", ".join(sole)}


@register_sensitive_role
def member_of_an_approved_organisation(user):
    """Members of an organisation that has been approved see its members,
    invitations and requests to join (with their personal messages). While an
    application is pending or was rejected, the organisation holds only the
    applicant's own data: no invitation or request to join can exist yet."""
    return Membership.objects.filter(
        user=user,
        organisation__status__in=[Organisation.Status.APPROVED, Organisation.Status.SUSPENDED],
    ).exists()
