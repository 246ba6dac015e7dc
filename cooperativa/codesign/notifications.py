"""Who hears about co-design, and what they read: every email through
``notify()``, so each person gets it in their own language, through the
outbox, once. Only people who can act are written to."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperativa.core.notify import absolute_url, notify, subject
from partners.services import organisation_admins

from . import signoff


def _edit_link(page):
    # The admin speaks the person's own admin language; its address has no prefix.
    return settings.SITE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])


def _without(people, exclude):
    return [person for person in people if exclude is None or person.pk != exclude.pk]


def asked_to_partner(partnership):
    """The organisation's administrators decide whether to be named."""
    organisation = partnership.organisation
    project = partnership.project.specific
    notify(
        organisation_admins(organisation),
        subject(
            _("%(lead)s asks %(name)s to be a partner"),
            lead=_lead_name(project),
            name=organisation.name,
        ),
        "codesign/partner_invitation",
        {
            "organisation": organisation,
            "project": project,
            "lead": _lead_name(project),
            "answer_link": absolute_url("codesign:partnerships", organisation.slug),
        },
    )


def _lead_name(page):
    lead = signoff.lead_organisation(page)
    return lead.name if lead else ""


def sign_off_due(page, organisations, *, exclude=None, again=False):
    """The members of each organisation whose sign-off is due."""
    for organisation in organisations:
        notify(
            _without(signoff.members([organisation]), exclude),
            subject(
                _("Changed since you signed off: %(title)s")
                if again
                else _("Please sign off: %(title)s"),
                title=page.title,
            ),
            "codesign/sign_off_due",
            {
                "organisation": organisation,
                "page": page,
                "again": again,
                "edit_link": _edit_link(page),
            },
        )


def changes_requested(workflow_state, by, comment):
    """The author of the submission, who makes the changes."""
    author = workflow_state.requested_by
    if author is None or not author.is_active or (by is not None and by.pk == author.pk):
        return
    page = workflow_state.content_object.specific
    notify(
        [author],
        subject(_("Changes requested: %(title)s"), title=page.title),
        "codesign/changes_requested",
        {
            "page": page,
            "by": by,
            "organisations": signoff.organisations_named(by, page),
            "comment": comment,
            "edit_link": _edit_link(page),
        },
    )


def published(workflow_state, by):
    """Everyone involved: the author and the members of every party."""
    page = workflow_state.content_object.specific
    people = signoff.members(signoff.parties(page))
    author = workflow_state.requested_by
    if author is not None and author.is_active and author not in people:
        people.append(author)
    notify(
        _without(people, by),
        subject(_("Published: %(title)s"), title=page.title),
        "codesign/published",
        {"page": page, "page_link": settings.SITE_URL + page.url if page.url else ""},
    )
