"""Who may do what with responses: the one home of these rules.

Membership itself is partners.permissions' rule; here it is applied to
responses. A response belongs to the organisation it was sent to: that
organisation's members (administrators and editors) read and follow it up,
the cooperative's moderators see every organisation's, and nobody else.
Deleting one by hand is for moderators only (the retention job deletes the
rest on time). Referring someone is for members of a public service
(probation, prison, social services).
"""

from partners import permissions as partner_permissions
from partners.models import Organisation

from .models import Response

# The kinds of organisation whose members refer people.
REFERRING_KINDS = (Organisation.Kind.PUBLIC_SERVICE,)


def is_moderator(user):
    return partner_permissions.can_moderate(user)


def inbox_organisations(user):
    """The approved organisations whose inbox ``user`` reads."""
    return partner_permissions.member_organisations(user).filter(
        status=Organisation.Status.APPROVED
    )


def can_use_inbox(user):
    return is_moderator(user) or bool(_inbox_organisation_ids(user))


def visible_responses(user):
    """The responses ``user`` may see in the inbox."""
    if is_moderator(user):
        return Response.objects.all()
    return Response.objects.filter(organisation__in=inbox_organisations(user))


def _inbox_organisation_ids(user):
    """The ids of inbox_organisations(user), worked out once per request (a
    listing asks for every row)."""
    ids = getattr(user, "_participation_inbox_ids", None)
    if ids is None:
        ids = set(inbox_organisations(user).values_list("pk", flat=True))
        if getattr(user, "is_authenticated", False):
            user._participation_inbox_ids = ids
    return ids


def can_open(user, response):
    return is_moderator(user) or response.organisation_id in _inbox_organisation_ids(user)


# Following a response up (its status, notes) is for whoever may read it.
can_change_status = can_open
can_add_note = can_open


def can_delete(user, response):
    return is_moderator(user)


def referring_organisations(user):
    """The approved public services ``user`` may refer people from."""
    return inbox_organisations(user).filter(kind__in=REFERRING_KINDS)


def can_refer(user):
    return referring_organisations(user).exists()


def people_who_may(actions):
    """The active people who may take any of ``actions`` ("view", "change",
    "delete") on some response: the moderators for every action, and for
    reading and following up also the members of approved organisations."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.backends import ModelBackend
    from django.db.models import Q

    moderators = ModelBackend().with_perm(partner_permissions.MODERATE_PERMISSION)
    who = Q(pk__in=moderators.values("pk"))
    if set(actions) & {"view", "change"}:
        who |= Q(memberships__organisation__status=Organisation.Status.APPROVED)
    return get_user_model().objects.filter(who, is_active=True).distinct()
