"""Domain operations on organisations and their members.

One function per operation, called alike by the public views, the admin's
moderation screens, the tests and the demo loader. Each runs in one
transaction: it either happens completely or not at all, and its emails
leave only after the commit.

Views check who may do what; these functions keep the rules that hold
whoever calls them (an informal group needs a voucher before approval, an
organisation always keeps an administrator, an invitation works once).
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
)

from cooperativa.core.notify import absolute_url as _absolute
from cooperativa.core.notify import notify
from cooperativa.core.notify import subject as _subject

from . import lifecycle, permissions, signals
from .errors import PartnerError
from .models import (
    RESERVED_SLUGS,
    Area,
    AssetType,
    DetailChange,
    Invitation,
    JoinRequest,
    Membership,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
)

MODERATORS_GROUP = "Moderators"
INVITATION_SALT = "partners.invitation"
INVITATION_MAX_AGE = datetime.timedelta(days=7)

# What an organisation's group may do. Never "publish": everything a partner
# writes goes live through the moderators' workflow.
PAGE_PERMISSIONS = ("add_page", "change_page")
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ("add_image", "change_image", "choose_image"),
    ("wagtaildocs", "document"): ("add_document", "change_document", "choose_document"),
}


__all__ = ["PartnerError"]  # raised by every operation here; views catch it from services


# --- People -------------------------------------------------------------------


def has_verified_email(user):
    from allauth.account.models import EmailAddress

    return user.is_authenticated and EmailAddress.objects.filter(user=user, verified=True).exists()


def moderators():
    """The active people in the cooperative's Moderators group."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=MODERATORS_GROUP, is_active=True).distinct()


def organisation_admins(organisation):
    """The organisation's active administrators, who hear about it by email."""
    return [
        m.user
        for m in permissions.administrators(organisation)
        .select_related("user")
        .filter(user__is_active=True)
    ]


def applicant_and_admins(organisation):
    """Who hears about an application: its administrators and whoever applied."""
    people = organisation_admins(organisation)
    applicant = organisation.applicant
    if applicant and applicant.is_active and applicant not in people:
        people.append(applicant)
    return people


# --- Email --------------------------------------------------------------------


def _notify(recipients, subject, template, context):
    """Email each person in their own language (users) or the current one
    (plain addresses), after the transaction commits."""
    notify(
        recipients,
        subject,
        f"partners/{template}",
        {**context, "manage_url": _absolute("partners:manage")},
    )


def _tell(recipients, organisation, subject, template, **context):
    """Email about ``organisation``: each such email names it and links to
    its management pages."""
    _notify(
        recipients,
        subject,
        template,
        {"organisation": organisation, "manage_link": _manage_link(organisation), **context},
    )


def _manage_link(organisation):
    return _absolute("partners:manage_overview", organisation.slug)


def _admin_link(organisation):
    return _absolute("wagtailsnippets_partners_organisation:edit", organisation.pk)


# --- Sign-up ------------------------------------------------------------------


def _locked(organisation):
    """The organisation read again and locked until the transaction ends, so
    two people acting on it at once are served one after the other."""
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def unique_slug(name, *, exclude_pk=None):
    """A slug for a new organisation: from its name, never a reserved word,
    never one already taken."""
    base = slugify(name)[:70].strip("-") or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-organisation"
    taken = Organisation.objects.exclude(pk=exclude_pk)
    slug, number = base, 1
    while taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def register_organisation(organisation, *, applicant, areas=(), assets=()):
    """Save a new application (an unsaved Organisation from the sign-up form)
    as pending, make the applicant its first administrator and tell the
    applicant, the moderators and, for an informal group, its voucher."""
    organisation.slug = unique_slug(organisation.name)
    organisation.status = Organisation.Status.PENDING
    organisation.applicant = applicant
    organisation.charter_accepted_at = timezone.now()
    if not organisation.is_informal:
        organisation.vouched_by = None
    organisation.vouched_at = None
    organisation.vouch_declined_at = None
    organisation.save()
    organisation.areas.set(areas)
    organisation.assets.set(assets)
    Membership.objects.get_or_create(
        user=applicant, organisation=organisation, defaults={"role": Membership.Role.ADMIN}
    )
    log(organisation, "partners.register", user=applicant)

    context = {"organisation": organisation, "manage_link": _manage_link(organisation)}
    _notify([applicant], _("We have received your application"), "application_received", context)
    _notify(
        moderators(),
        _subject(_("New organisation to review: %(name)s"), name=organisation.name),
        "application_to_review",
        {**context, "admin_link": _admin_link(organisation)},
    )
    if organisation.is_informal and organisation.vouched_by:
        _ask_voucher(organisation)
    return organisation


@transaction.atomic
def update_application(organisation, *, by, areas=(), assets=(), voucher_changed=False):
    """Save the applicant's changes to a pending or rejected application and
    put it back in the moderators' queue."""
    organisation.status = lifecycle.require(organisation, "update_application")
    if voucher_changed:
        organisation.vouched_at = None
        organisation.vouch_declined_at = None
    if not organisation.is_informal:
        organisation.vouched_by = None
    organisation.save()
    organisation.areas.set(areas)
    organisation.assets.set(assets)
    log(organisation, "partners.update_application", user=by)
    _notify(
        moderators(),
        _subject(_("Application updated: %(name)s"), name=organisation.name),
        "application_updated",
        {"organisation": organisation, "admin_link": _admin_link(organisation)},
    )
    if voucher_changed and organisation.is_informal and organisation.vouched_by:
        _ask_voucher(organisation)
    return organisation


def _ask_voucher(organisation):
    voucher = organisation.vouched_by
    _notify(
        organisation_admins(voucher),
        _subject(_("%(name)s asks you to vouch for it"), name=organisation.name),
        "vouch_request",
        {
            "organisation": organisation,
            "voucher": voucher,
            "vouching_link": _absolute("partners:manage_vouching", voucher.slug),
        },
    )


def pending_vouch_requests(voucher):
    """Informal groups waiting for ``voucher`` to confirm or decline."""
    return Organisation.objects.filter(
        vouched_by=voucher,
        legal_form=Organisation.LegalForm.INFORMAL,
        status=Organisation.Status.PENDING,
        vouched_at__isnull=True,
        vouch_declined_at__isnull=True,
    )


@transaction.atomic
def decide_vouch_request(organisation, *, voucher, by, vouch):
    """``voucher``'s admin ``by`` confirms (vouch=True) or declines that it
    knows and stands behind the informal group ``organisation``."""
    organisation = _locked(organisation)
    if organisation.vouched_by_id != voucher.pk or not organisation.is_informal:
        raise PartnerError(_("This group has not asked your organisation to vouch for it."))
    if organisation.vouched_at or organisation.vouch_declined_at:
        raise PartnerError(_("This request has already been answered."))
    if not voucher.is_approved:
        raise PartnerError(_("Only an approved organisation can vouch for a group."))
    now = timezone.now()
    context = {
        "organisation": organisation,
        "voucher": voucher,
        "manage_link": _manage_link(organisation),
    }
    if vouch:
        organisation.vouched_at = now
        organisation.save(update_fields=["vouched_at"])
        log(organisation, "partners.vouch", user=by)
        _notify(
            moderators(),
            _subject(
                _("%(voucher)s vouches for %(name)s"), voucher=voucher.name, name=organisation.name
            ),
            "vouch_confirmed",
            {**context, "admin_link": _admin_link(organisation)},
        )
    else:
        organisation.vouch_declined_at = now
        organisation.save(update_fields=["vouch_declined_at"])
        log(organisation, "partners.vouch_declined", user=by)
        _notify(
            applicant_and_admins(organisation),
            _subject(_("%(voucher)s did not vouch for your group"), voucher=voucher.name),
            "vouch_declined",
            context,
        )
    return organisation


# --- Provisioning -------------------------------------------------------------


def _permission(app_label, model, codename):
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    return Permission.objects.get(content_type=content_type, codename=codename)


def _ensure_group(organisation):
    if organisation.group_id:
        group = organisation.group
    else:
        name = organisation.name[:150]
        if Group.objects.filter(name=name).exists():
            name = f"{organisation.name[:120]} ({organisation.slug})"[:150]
        group = Group.objects.create(name=name)
        organisation.group = group
    group.permissions.add(_permission("wagtailadmin", "admin", "access_admin"))
    return group


def _ensure_collection(organisation):
    if organisation.collection_id:
        return organisation.collection
    collection = Collection.get_first_root_node().add_child(name=organisation.name[:255])
    organisation.collection = collection
    return collection


def _intro(organisation):
    text = organisation.description.strip() or str(organisation.get_kind_display())
    return Truncator(" ".join(text.split())).chars(300)


def content_locales():
    """The locales of the configured content languages (WAGTAIL_CONTENT_LANGUAGES),
    the default one first."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = Locale.get_default()
    others = Locale.objects.filter(language_code__in=codes).exclude(pk=default.pk)
    return [default, *sorted(others, key=lambda locale: codes.index(locale.language_code))]


def _ensure_partner_pages(organisation, user):
    """The live PartnerPage under the default locale's directory, and its
    translation in every other configured language whose directory exists
    (a language without a directory has no public place for it yet)."""
    default_locale, *other_locales = content_locales()
    index = PartnerIndexPage.objects.filter(locale=default_locale).first()
    if index is None:
        raise PartnerError(
            _("There is no partner directory page yet: create it before approving partners.")
        )
    page = PartnerPage.objects.filter(organisation=organisation, locale=default_locale).first()
    if page is None:
        page = PartnerPage(
            title=organisation.name,
            slug=find_available_slug(index, organisation.slug),
            organisation=organisation,
            intro=_intro(organisation),
            owner=organisation.applicant,
        )
        index.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)

    pages = [page]
    for locale in other_locales:
        if not index.get_translation_or_none(locale):
            continue
        translation_page = PartnerPage.objects.filter(
            organisation=organisation, locale=locale
        ).first()
        if translation_page is None:
            # The same action as the admin's "Translate" (simple_translation):
            # a copy under the directory's translation, then published.
            translation_page = CopyPageForTranslationAction(
                page=page, locale=locale, user=user
            ).execute(skip_permission_checks=True)
            translation_page.save_revision(user=user).publish(user=user)
        pages.append(translation_page)
    return pages


def _grant_page_permissions(group, pages):
    for codename in PAGE_PERMISSIONS:
        permission = _permission("wagtailcore", "page", codename)
        for page in pages:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection_permissions(group, collection):
    for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, model, codename),
            )


def _withdraw_permissions(organisation):
    if organisation.group_id:
        GroupPagePermission.objects.filter(group=organisation.group).delete()
        GroupCollectionPermission.objects.filter(group=organisation.group).delete()


def sync_group(organisation):
    """Make the organisation's group hold exactly its members while it is
    approved, and nobody otherwise."""
    if not organisation.group_id:
        return
    if organisation.is_approved:
        organisation.group.user_set.set([m.user_id for m in organisation.memberships.all()])
    else:
        organisation.group.user_set.clear()


@transaction.atomic
def approve_organisation(organisation, *, approved_by):
    """Approve an application and provision everything the organisation
    needs to publish: its group, its pages and their permissions, its media
    collection, its first administrator. Safe to call again: what exists is
    kept and what is missing is added."""
    organisation = _locked(organisation)
    was_approved = organisation.is_approved
    # Approving again only repairs what is missing; anything else follows the table.
    target = organisation.status if was_approved else lifecycle.require(organisation, "approve")

    group = _ensure_group(organisation)
    collection = _ensure_collection(organisation)
    pages = _ensure_partner_pages(organisation, approved_by)
    _grant_page_permissions(group, pages)
    _grant_collection_permissions(group, collection)
    # On first approval only: later (a second call, a reinstatement) the
    # members decide who administers the organisation, and someone who has
    # left must not come back.
    if organisation.applicant_id and not was_approved:
        membership, _created = Membership.objects.get_or_create(
            user=organisation.applicant,
            organisation=organisation,
            defaults={"role": Membership.Role.ADMIN},
        )
        if not membership.is_admin:
            membership.role = Membership.Role.ADMIN
            membership.save(update_fields=["role"])

    organisation.status = target
    organisation.moderation_note = ""
    organisation.save()
    sync_group(organisation)
    signals.organisation_approved.send(
        sender=Organisation, organisation=organisation, by=approved_by
    )

    if not was_approved:
        log(organisation, "partners.approve", user=approved_by)
        _notify(
            organisation_admins(organisation),
            _subject(_("Welcome: %(name)s is now a partner"), name=organisation.name),
            "welcome",
            {
                "organisation": organisation,
                "manage_link": _manage_link(organisation),
                "page_link": settings.SITE_URL + pages[0].url,
                "admin_url": settings.SITE_URL + reverse("wagtailadmin_home"),
            },
        )
    return organisation


def _move(organisation, action, *, note, **fields):
    """Move the (locked) organisation to the status the lifecycle table gives
    ``action``, refusing what the table does not allow, with ``note`` for its
    people and any other ``fields`` the action changes; saves only those."""
    organisation.status = lifecycle.require(organisation, action)
    organisation.moderation_note = note
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.save(update_fields=["status", "moderation_note", *fields])
    return organisation


@transaction.atomic
def reject_organisation(organisation, *, by, reason):
    """Refuse an application, telling the applicant why; they may correct it."""
    organisation = _move(_locked(organisation), "reject", note=reason)
    log(organisation, "partners.reject", user=by)
    _tell(
        applicant_and_admins(organisation),
        organisation,
        _subject(_("Your application for %(name)s"), name=organisation.name),
        "rejected",
        reason=reason,
    )
    return organisation


@transaction.atomic
def request_more_information(organisation, *, by, message):
    """Ask the applicant a question; the application stays in the queue."""
    organisation = _move(_locked(organisation), "more_information", note=message)
    log(organisation, "partners.request_information", user=by)
    _notify(
        applicant_and_admins(organisation),
        _subject(_("A question about your application for %(name)s"), name=organisation.name),
        "more_information",
        {
            "organisation": organisation,
            "message": message,
            "manage_link": _manage_link(organisation),
            "application_link": _absolute("partners:manage_details", organisation.slug),
        },
    )
    return organisation


def moderate(organisation, action, *, by, reason=""):
    """Take the moderation ``action`` (a key of partners.lifecycle.TRANSITIONS)
    on the organisation: the admin's one way into the operations above."""
    operations = {
        "approve": lambda: approve_organisation(organisation, approved_by=by),
        "reject": lambda: reject_organisation(organisation, by=by, reason=reason),
        "more_information": lambda: request_more_information(organisation, by=by, message=reason),
        "suspend": lambda: suspend_organisation(organisation, by=by, reason=reason),
        "reinstate": lambda: reinstate_organisation(organisation, by=by),
    }
    return operations[action]()


# --- Changes to an approved organisation's details ----------------------------


def _detail_value(organisation, name):
    """A field's current value in the form a DetailChange stores it."""
    if name in ("areas", "assets"):
        return sorted(getattr(organisation, name).values_list("pk", flat=True))
    return getattr(organisation, name)


def _form_value(name, value):
    if name in ("areas", "assets"):
        return sorted(item.pk for item in value)
    return value


def pending_detail_change(organisation):
    return organisation.detail_changes.filter(status=DetailChange.Status.PENDING).first()


@transaction.atomic
def update_details(organisation, cleaned_data, *, by):
    """Save an approved organisation's details as its administrator ``by``
    sent them (a ProfileForm's cleaned data).

    The private contact person is saved at once. Public facts that differ
    from what is public now wait, as one DetailChange, for a moderator; the
    moderators are emailed when a change starts waiting (not on every later
    save). Returns the waiting change, or None when no public fact changed.
    """
    organisation = _locked(organisation)
    private = [name for name in cleaned_data if name not in DetailChange.FIELDS]
    for name in private:
        setattr(organisation, name, cleaned_data[name])
    if private:
        organisation.save(update_fields=private)

    changes = {
        name: _form_value(name, cleaned_data[name])
        for name in DetailChange.FIELDS
        if name in cleaned_data
        and _form_value(name, cleaned_data[name]) != _detail_value(organisation, name)
    }
    change = pending_detail_change(organisation)
    if not changes:
        # Back to what is public: nothing is left to review.
        if change:
            change.delete()
        return None
    first = change is None
    if first:
        change = DetailChange(organisation=organisation)
    change.changes = changes
    change.submitted_by = by
    change.submitted_at = timezone.now()
    change.save()
    log(organisation, "partners.submit_details", user=by, data={"fields": sorted(changes)})
    if first:
        _notify(
            moderators(),
            _subject(_("New details to review: %(name)s"), name=organisation.name),
            "details_to_review",
            {
                "organisation": organisation,
                "review_link": _absolute("partners_moderation:detail_changes"),
            },
        )
    return change


def _displayed(organisation, name, value):
    """A value as a moderator reads it."""
    if name == "areas":
        return ", ".join(str(area) for area in Area.objects.filter(pk__in=value))
    if name == "assets":
        return ", ".join(str(asset) for asset in AssetType.objects.filter(pk__in=value))
    return value or ""


def detail_change_rows(change):
    """(label, public now, proposed) for each field the change touches."""
    organisation = change.organisation
    return [
        (
            Organisation._meta.get_field(name).verbose_name,
            _displayed(organisation, name, _detail_value(organisation, name)),
            _displayed(organisation, name, value),
        )
        for name, value in change.changes.items()
    ]


def _lock_pending(change):
    change = (
        DetailChange.objects.select_for_update().select_related("organisation").get(pk=change.pk)
    )
    if change.status != DetailChange.Status.PENDING:
        raise PartnerError(_("These changes have already been decided."))
    return change


@transaction.atomic
def approve_detail_change(change, *, by):
    """Make the changes public and tell the organisation's administrators."""
    change = _lock_pending(change)
    organisation = change.organisation
    plain = {
        name: value for name, value in change.changes.items() if name not in ("areas", "assets")
    }
    for name, value in plain.items():
        setattr(organisation, name, value)
    if plain:
        organisation.save(update_fields=list(plain))
    for name in ("areas", "assets"):
        if name in change.changes:
            getattr(organisation, name).set(change.changes[name])
    change.record_decision(by, status=DetailChange.Status.APPROVED)
    log(organisation, "partners.approve_details", user=by, data={"fields": sorted(change.changes)})
    _tell(
        organisation_admins(organisation),
        organisation,
        _subject(_("Your new details for %(name)s are public"), name=organisation.name),
        "details_approved",
    )
    return change


@transaction.atomic
def reject_detail_change(change, *, by, reason):
    """Leave the public details as they are and tell the administrators why."""
    change = _lock_pending(change)
    organisation = change.organisation
    change.record_decision(by, status=DetailChange.Status.REJECTED, reason=reason)
    log(organisation, "partners.reject_details", user=by, data={"reason": reason})
    _notify(
        organisation_admins(organisation),
        _subject(_("Your new details for %(name)s were not accepted"), name=organisation.name),
        "details_rejected",
        {
            "organisation": organisation,
            "reason": reason,
            "details_link": _absolute("partners:manage_details", organisation.slug),
        },
    )
    return change


def organisation_pages(organisation):
    """All pages of the organisation: its partner pages in every language and
    everything below them."""
    pages = Page.objects.none()
    for partner_page in PartnerPage.objects.filter(organisation=organisation):
        pages = pages | Page.objects.descendant_of(partner_page, inclusive=True)
    return pages


@transaction.atomic
def suspend_organisation(organisation, *, by, reason):
    """Withdraw the organisation's rights and take all its pages offline.
    The pages stay as drafts; reinstatement publishes again what was live."""
    organisation = _locked(organisation)
    lifecycle.require(organisation, "suspend")  # before anything is withdrawn
    _withdraw_permissions(organisation)
    # Cancel moderation in progress, so nothing of the organisation can be
    # published while it is suspended.
    for page in organisation_pages(organisation).specific():
        if (state := page.current_workflow_state) is not None:
            state.cancel(user=by)
    live_pages = organisation_pages(organisation).live().specific().order_by("-depth")
    suspended_revisions = {}
    for page in live_pages:
        suspended_revisions[str(page.pk)] = page.live_revision_id
        UnpublishPageAction(page, user=by).execute(skip_permission_checks=True)
    _move(organisation, "suspend", note=reason, suspended_revisions=suspended_revisions)
    sync_group(organisation)
    signals.organisation_suspended.send(sender=Organisation, organisation=organisation, by=by)
    log(organisation, "partners.suspend", user=by)
    _tell(
        organisation_admins(organisation),
        organisation,
        _subject(_("%(name)s has been suspended"), name=organisation.name),
        "suspended",
        reason=reason,
    )
    return organisation


@transaction.atomic
def reinstate_organisation(organisation, *, by):
    """Give a suspended organisation back its rights and publish again the
    versions of its pages that were live when it was suspended."""
    organisation = _move(_locked(organisation), "reinstate", note="")
    # Re-provisioning also restores the permissions and the group's members.
    approve_organisation(organisation, approved_by=by)
    organisation.refresh_from_db()

    # Parents first, so each page is published under a live parent.
    pages = organisation_pages(organisation).order_by("depth")
    saved = {int(pk): revision_id for pk, revision_id in organisation.suspended_revisions.items()}
    for page in pages:
        revision_id = saved.get(page.pk)
        if revision_id and not page.live:
            revision = Revision.objects.filter(pk=revision_id).first()
            if revision is not None:
                revision.publish(user=by, skip_permission_checks=True)
    organisation.suspended_revisions = {}
    organisation.save(update_fields=["suspended_revisions"])
    log(organisation, "partners.reinstate", user=by)
    _tell(
        organisation_admins(organisation),
        organisation,
        _subject(_("%(name)s has been reinstated"), name=organisation.name),
        "reinstated",
    )
    return organisation


# --- Members ------------------------------------------------------------------


def invitation_token(invitation):
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT)


def pending_invitation(organisation, email):
    """The invitation to ``email`` that is still waiting: not used, not expired."""
    return (
        organisation.invitations.filter(
            email__iexact=email.strip(),
            accepted_at__isnull=True,
            created_at__gt=timezone.now() - INVITATION_MAX_AGE,
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def invite_member(organisation, email, role, invited_by):
    """Invite someone by email; the link in the email works once, for seven days.

    One address gets one waiting invitation per organisation: asking again
    while it waits sends nothing (PartnerError says when the first one was
    sent), so repeated clicks cannot flood someone's mailbox."""
    # The lock makes two simultaneous invitations to one address queue up,
    # so the second sees the first.
    organisation = _locked(organisation)
    if not organisation.is_approved:
        raise PartnerError(_("You can invite people once the organisation is approved."))
    email = email.strip()
    if permissions.has_member_with_email(organisation, email):
        raise PartnerError(_("%(email)s is already a member.") % {"email": email})
    if waiting := pending_invitation(organisation, email):
        raise PartnerError(
            _(
                "%(email)s already has an invitation waiting, sent on %(sent)s: we have not "
                "sent another. Its link works until %(until)s. To send a new link, withdraw "
                "that invitation on the Members page first."
            )
            % {
                "email": waiting.email,
                "sent": date_format(timezone.localtime(waiting.created_at), "DATE_FORMAT"),
                "until": date_format(
                    timezone.localtime(waiting.created_at + INVITATION_MAX_AGE), "DATE_FORMAT"
                ),
            }
        )
    # Expired invitations to the same address no longer work: the new one replaces them.
    organisation.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
    invitation = Invitation.objects.create(
        organisation=organisation, email=email, role=role, invited_by=invited_by
    )
    log(organisation, "partners.invite", user=invited_by, data={"role": role})
    _notify(
        [email],
        _subject(_("%(name)s invites you to join it on Cooperativa"), name=organisation.name),
        "invitation",
        {
            "organisation": organisation,
            "invitation": invitation,
            "invited_by": invited_by,
            "link": _absolute("partners:accept_invitation", invitation_token(invitation)),
            "days": INVITATION_MAX_AGE.days,
        },
    )
    return invitation


def invitation_from_token(token):
    """The invitation a token stands for; PartnerError if the token is
    invalid, expired or already used."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PartnerError(
            _("This invitation has expired. Ask the organisation to send you a new one.")
        ) from error
    except signing.BadSignature as error:
        raise PartnerError(
            _("This invitation link is not valid. Check that you copied it whole.")
        ) from error
    invitation = (
        Invitation.objects.select_related("organisation").filter(pk=data.get("invitation")).first()
    )
    if invitation is None:
        raise PartnerError(_("This invitation has been withdrawn."))
    if invitation.accepted_at:
        raise PartnerError(_("This invitation has already been used."))
    return invitation


@transaction.atomic
def accept_invitation(token, user):
    """Make ``user`` a member as the invitation says. The invitation must be
    unexpired, unused and addressed to one of the user's verified emails."""
    from allauth.account.models import EmailAddress

    invitation = invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise PartnerError(_("This invitation has already been used."))
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise PartnerError(
            _(
                "This invitation was sent to another email address. Sign in with the account "
                "for %(email)s, or ask for an invitation to your own address."
            )
            % {"email": invitation.email}
        )
    organisation = invitation.organisation
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    # Someone already in the organisation keeps their role.
    sync_group(organisation)
    log(organisation, "partners.accept_invitation", user=user, data={"role": membership.role})
    return membership


@transaction.atomic
def withdraw_invitation(invitation, *, by):
    """Withdraw an invitation still waiting: its link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise PartnerError(_("This invitation has already been used."))
    organisation = invitation.organisation
    invitation.delete()
    log(organisation, "partners.withdraw_invitation", user=by, data={"role": invitation.role})
    return invitation


@transaction.atomic
def set_member_role(membership, role, *, by):
    """Make a member administrator or editor; the last administrator stays one."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if role != Membership.Role.ADMIN and permissions.is_last_admin(membership):
        raise PartnerError(
            _(
                "An organisation needs at least one administrator: make someone else "
                "administrator first."
            )
        )
    membership.role = role
    membership.save(update_fields=["role"])
    log(
        membership.organisation,
        "partners.change_role",
        user=by,
        data={"member": membership.user_id, "role": role},
    )
    return membership


@transaction.atomic
def remove_member(membership, *, by):
    """Take someone out of the organisation (or let them leave); never the
    last administrator."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if permissions.is_last_admin(membership):
        raise PartnerError(
            _("The last administrator cannot be removed: make someone else administrator first.")
        )
    organisation = membership.organisation
    member = membership.user_id
    membership.delete()
    sync_group(organisation)
    log(organisation, "partners.remove_member", user=by, data={"member": member})


@transaction.atomic
def request_to_join(organisation, user, message=""):
    if not organisation.is_approved:
        raise PartnerError(_("You can ask to join approved organisations only."))
    if permissions.is_member(user, organisation):
        raise PartnerError(_("You are already a member of %(name)s.") % {"name": organisation.name})
    if JoinRequest.objects.undecided().filter(user=user, organisation=organisation).exists():
        raise PartnerError(
            _("You have already asked to join %(name)s: its administrators will answer soon.")
            % {"name": organisation.name}
        )
    join_request = JoinRequest.objects.create(user=user, organisation=organisation, message=message)
    log(organisation, "partners.request_to_join", user=user)
    _notify(
        organisation_admins(organisation),
        _subject(_("%(person)s asks to join %(name)s"), person=user, name=organisation.name),
        "join_request",
        {
            "organisation": organisation,
            "join_request": join_request,
            "requests_link": _absolute("partners:manage_requests", organisation.slug),
        },
    )
    return join_request


@transaction.atomic
def decide_join_request(join_request, *, by, accept, role=Membership.Role.EDITOR):
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.decided_at:  # decided since the page was shown
        raise PartnerError(_("This request has already been answered."))
    organisation = join_request.organisation
    join_request.record_decision(by, accepted=bool(accept))
    membership = None
    if accept:
        membership, _created = Membership.objects.get_or_create(
            user=join_request.user, organisation=organisation, defaults={"role": role}
        )
        sync_group(organisation)
    log(
        organisation,
        "partners.accept_join_request" if accept else "partners.decline_join_request",
        user=by,
        data={"member": join_request.user_id},
    )
    _notify(
        [join_request.user],
        _subject(_("Your request to join %(name)s"), name=organisation.name),
        "join_request_decided",
        {
            "organisation": organisation,
            "accepted": bool(accept),
            "manage_link": _manage_link(organisation),
        },
    )
    return membership
