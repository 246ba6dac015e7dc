"""Who may do what with an organisation: the one home of these rules.

Views, services, the admin's screens and templates (through the
``partner_permissions`` tag library) all ask here, so a rule changes in one
place. Each function takes the person asking and answers True or False; a
visitor who is not signed in is never a member of anything.
"""

from .models import Membership

MODERATE_PERMISSION = "partners.moderate_organisation"


def membership(user, organisation):
    """The person's membership of the organisation, or None."""
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def memberships_of(user):
    """The person's memberships, with their organisations, by organisation name."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def is_member(user, organisation):
    """Whether the person belongs to the organisation, in any role."""
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return False
    return Membership.objects.filter(user=user, organisation=organisation).exists()


def member_organisations(user):
    """The organisations the person belongs to, in any role."""
    from .models import Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def is_admin(user, organisation):
    """Whether the person is one of the organisation's administrators."""
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return False
    return administrators(organisation).filter(user=user).exists()


def has_member_with_email(organisation, email):
    """Whether someone with the address ``email`` already belongs to the organisation."""
    return Membership.objects.filter(
        organisation=organisation, user__email__iexact=email.strip()
    ).exists()


def administrators(organisation):
    """The organisation's administrator memberships."""
    return Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN)


def is_last_admin(membership):
    """Whether ``membership`` is its organisation's only administrator: an
    organisation always keeps one, so that one cannot step down or leave."""
    return (
        membership.is_admin
        and not administrators(membership.organisation).exclude(pk=membership.pk).exists()
    )


def can_manage(user, organisation):
    """Change the organisation's details, members, invitations, requests to
    join and vouching: its administrators."""
    return is_admin(user, organisation)


# The management area's operations all belong to administrators; the names
# say what a view or template asks, so a later split needs no caller changes.
can_invite = can_manage
can_decide_requests = can_manage
can_change_roles = can_manage
can_vouch = can_manage


def can_moderate(user):
    """Approve, reject, suspend and reinstate organisations and decide their
    changes of details: the cooperative's moderators."""
    return bool(
        getattr(user, "is_active", False)
        and getattr(user, "is_authenticated", False)
        and user.has_perm(MODERATE_PERMISSION)
    )
