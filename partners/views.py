"""Partner sign-up (/partners/join/…) and the organisation's own management
area (/partners/manage/…).

Views stay thin: they check who is asking on every request and hand the
work to partners.services. People who are not members of an organisation
get a 404 for its management pages, so they cannot even learn which
organisations exist behind them; members without the needed role get a 403.
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import lifecycle, permissions, services
from .forms import (
    ApplicationForm,
    DecisionForm,
    InvitationForm,
    JoinRequestForm,
    ProfileForm,
    RoleForm,
    SignUpForm,
)
from .models import (
    Invitation,
    JoinRequest,
    Membership,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
)


def _crumbs(*trail):
    """Breadcrumbs from the home page: ``trail`` is (title, url) pairs ending
    with the current page."""
    crumbs = [{"title": _("Home"), "url": reverse("wagtail_serve", args=[""])}]
    index = PartnerIndexPage.objects.live().filter(locale__language_code=get_language()).first()
    if index:
        crumbs.append({"title": index.title, "url": index.url})
    return crumbs + [{"title": title, "url": url} for title, url in trail]


def _join_crumbs(title, url_name="partners:join"):
    return _crumbs((title, reverse(url_name)))


def _manage_crumbs(organisation=None, title=None, url=""):
    trail = [(_("Your organisations"), reverse("partners:manage"))]
    if organisation:
        trail.append(
            (organisation.name, reverse("partners:manage_overview", args=[organisation.slug]))
        )
    if title:
        trail.append((title, url))
    return _crumbs(*trail)


# --- Sign-up ------------------------------------------------------------------


@require_safe
def charter(request):
    return render(
        request,
        "partners/join_charter.html",
        {"crumbs": _join_crumbs(_("Partnership charter"), "partners:charter")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    if not services.has_verified_email(request.user):
        return render(request, "partners/join_verify_email.html", status=403)
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_valid():
            organisation = services.register_organisation(
                form.save(commit=False),
                applicant=request.user,
                areas=form.cleaned_data["areas"],
                assets=form.cleaned_data["assets"],
            )
            return redirect("partners:join_done", organisation.slug)
    else:
        form = SignUpForm(initial={"contact_email": request.user.email})
    return render(
        request,
        "partners/join.html",
        {"form": form, "crumbs": _join_crumbs(_("Register your organisation"))},
    )


@login_required
@require_safe
def join_done(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug, applicant=request.user)
    return render(request, "partners/join_done.html", {"organisation": organisation})


@login_required
@require_http_methods(["GET", "POST"])
def request_to_join(request):
    if not services.has_verified_email(request.user):
        return render(request, "partners/join_verify_email.html", status=403)
    if request.method == "POST":
        form = JoinRequestForm(request.POST)
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            try:
                services.request_to_join(organisation, request.user, form.cleaned_data["message"])
            except (services.PartnerError, IntegrityError) as error:
                form.add_error(None, getattr(error, "message", _("You have already asked.")))
            else:
                return render(
                    request, "partners/join_request_sent.html", {"organisation": organisation}
                )
    else:
        form = JoinRequestForm(initial={"organisation": request.GET.get("organisation")})
    return render(
        request,
        "partners/join_request.html",
        {
            "form": form,
            "crumbs": _join_crumbs(_("Join your organisation"), "partners:request_to_join"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.PartnerError as error:
        return render(
            request, "partners/join_invitation.html", {"error": error.message}, status=410
        )
    if request.method == "POST":
        try:
            membership = services.accept_invitation(token, request.user)
        except services.PartnerError as error:
            return render(
                request,
                "partners/join_invitation.html",
                {"invitation": invitation, "error": error.message},
                status=403,
            )
        messages.success(
            request,
            _("Welcome to %(name)s.") % {"name": membership.organisation.name},
        )
        return redirect("partners:manage_overview", membership.organisation.slug)
    return render(request, "partners/join_invitation.html", {"invitation": invitation})


# --- Manage area --------------------------------------------------------------


def _membership(request, slug, *, admin=False):
    """The request user's membership of the organisation, or 404; with
    admin=True, 403 for members who are not administrators."""
    membership = permissions.memberships_of(request.user).filter(organisation__slug=slug).first()
    if membership is None:
        raise Http404
    if admin and not permissions.can_manage(request.user, membership.organisation):
        raise PermissionDenied
    return membership


def _render(request, page, membership, title=None, *, status=200, **extra):
    """The management page ``page`` (a template in partners/manage/) with what
    every management page shows: the organisation, and what the person may
    do with it, as partners.permissions and partners.lifecycle say."""
    organisation = membership.organisation
    context = {
        "membership": membership,
        "organisation": organisation,
        "can_manage": permissions.can_manage(membership.user, organisation),
        "allowed_actions": lifecycle.allowed_actions(organisation, membership.user),
        "crumbs": _manage_crumbs(organisation, title),
        **extra,
    }
    return render(request, f"partners/manage/{page}.html", context, status=status)


@login_required
@require_safe
def manage(request):
    memberships = permissions.memberships_of(request.user)
    return render(
        request,
        "partners/manage/index.html",
        {"memberships": memberships, "crumbs": _manage_crumbs()},
    )


@login_required
@require_safe
def manage_overview(request, slug):
    membership = _membership(request, slug)
    organisation = membership.organisation
    pages = PartnerPage.objects.filter(organisation=organisation).select_related("locale")
    return _render(
        request,
        "overview",
        membership,
        pages=pages,
        subpages_count=services.organisation_pages(organisation)
        .exclude(pk__in=[p.pk for p in pages])
        .count(),
        open_requests=organisation.join_requests.undecided().count(),
        vouch_requests=services.pending_vouch_requests(organisation).count(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage_details(request, slug):
    membership = _membership(request, slug, admin=True)
    organisation = membership.organisation
    under_review = not lifecycle.refusal(organisation, "update_application")
    if organisation.status == Organisation.Status.SUSPENDED:
        raise PermissionDenied
    form_class = ApplicationForm if under_review else ProfileForm
    previous_voucher = organisation.vouched_by_id
    if request.method == "POST":
        form = form_class(request.POST, instance=organisation)
        if form.is_valid():
            if under_review:
                services.update_application(
                    form.save(commit=False),
                    by=request.user,
                    areas=form.cleaned_data["areas"],
                    assets=form.cleaned_data["assets"],
                    voucher_changed=form.instance.vouched_by_id != previous_voucher,
                )
                messages.success(
                    request, _("Your application has been sent again to the moderators.")
                )
            elif services.update_details(organisation, form.cleaned_data, by=request.user):
                messages.success(
                    request,
                    _(
                        "Your changes are saved and sent to the moderators. Your public page "
                        "shows the new details once a moderator approves them."
                    ),
                )
            else:
                messages.success(request, _("Your organisation's details are saved."))
            return redirect("partners:manage_overview", organisation.slug)
    else:
        # What is waiting for the moderators is what the administrator last wrote.
        waiting = None if under_review else services.pending_detail_change(organisation)
        form = form_class(instance=organisation, initial=waiting.changes if waiting else None)
    return _render(
        request,
        "details",
        membership,
        _("Application") if under_review else _("Details"),
        form=form,
        under_review=under_review,
        waiting=None if under_review else services.pending_detail_change(organisation),
    )


@login_required
@require_safe
def manage_members(request, slug):
    membership = _membership(request, slug)
    organisation = membership.organisation
    return _render(
        request,
        "members",
        membership,
        _("Members"),
        members=organisation.memberships.select_related("user").order_by("role", "created_at"),
        invitations=organisation.invitations.filter(accepted_at__isnull=True),
        invitation_form=InvitationForm(),
        roles=Membership.Role.choices,
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage_invite(request, slug):
    membership = _membership(request, slug, admin=True)
    organisation = membership.organisation
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        # Per organisation, in the shared cache, as allauth counts sign-in
        # attempts: however many admins click, an organisation cannot flood
        # mailboxes.
        if not ratelimit.consume(
            request, action="invite_member", key=f"organisation:{organisation.pk}"
        ):
            form.add_error(
                None,
                _(
                    "Your organisation has sent a lot of invitations in the last hour. Wait a "
                    "while and try again: what you typed is still here."
                ),
            )
            status = 429
        else:
            try:
                invitation = services.invite_member(
                    organisation,
                    form.cleaned_data["email"],
                    form.cleaned_data["role"],
                    invited_by=request.user,
                )
            except services.PartnerError as error:
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s. The link works for seven days.")
                    % {"email": invitation.email},
                )
                return redirect("partners:manage_members", organisation.slug)
    return _render(request, "invite", membership, _("Invite someone"), form=form, status=status)


@login_required
@require_POST
def manage_cancel_invitation(request, slug, pk):
    membership = _membership(request, slug, admin=True)
    invitation = get_object_or_404(
        Invitation, pk=pk, organisation=membership.organisation, accepted_at__isnull=True
    )
    services.withdraw_invitation(invitation, by=request.user)
    messages.success(
        request,
        _("The invitation to %(email)s is withdrawn: its link no longer works.")
        % {"email": invitation.email},
    )
    return redirect("partners:manage_members", slug)


@login_required
@require_POST
def manage_member_role(request, slug, pk):
    membership = _membership(request, slug, admin=True)
    member = get_object_or_404(Membership, pk=pk, organisation=membership.organisation)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.set_member_role(member, form.cleaned_data["role"], by=request.user)
        except services.PartnerError as error:
            messages.error(request, error.message)
        else:
            member.refresh_from_db()
            messages.success(
                request,
                _("%(person)s is now %(role)s.")
                % {"person": member.user, "role": member.get_role_display().lower()},
            )
    else:
        messages.error(request, _("Choose a role from the list."))
    return redirect("partners:manage_members", slug)


@login_required
@require_http_methods(["GET", "POST"])
def manage_member_remove(request, slug, pk):
    membership = _membership(request, slug, admin=True)
    member = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organisation=membership.organisation
    )
    error = None
    if request.method == "POST":
        try:
            services.remove_member(member, by=request.user)
        except services.PartnerError as exc:
            error = exc.message
        else:
            messages.success(
                request, _("%(person)s is no longer a member.") % {"person": member.user}
            )
            if member.pk == membership.pk:
                return redirect("partners:manage")
            return redirect("partners:manage_members", slug)
    return _render(
        request,
        "remove_member",
        membership,
        _("Remove a member"),
        member=member,
        error=error,
        status=400 if error else 200,
    )


@login_required
@require_safe
def manage_requests(request, slug):
    membership = _membership(request, slug, admin=True)
    organisation = membership.organisation
    return _render(
        request,
        "requests",
        membership,
        _("Requests to join"),
        open_requests=organisation.join_requests.undecided().select_related("user"),
        decided_requests=organisation.join_requests.decided().select_related("user", "decided_by")[
            :20
        ],
    )


def _decide(request, back, *, invalid, decide, accepted, declined):
    """Read a yes/no DecisionForm, hand the answer to ``decide(accepted)``
    (a service) and say what happened on the page ``back`` leads to."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, invalid)
    else:
        try:
            decide(form.accepted)
        except services.PartnerError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, accepted if form.accepted else declined)
    return redirect(back)


@login_required
@require_POST
def manage_decide_request(request, slug, pk):
    membership = _membership(request, slug, admin=True)
    join_request = get_object_or_404(JoinRequest, pk=pk, organisation=membership.organisation)
    person = {"person": join_request.user}
    return _decide(
        request,
        reverse("partners:manage_requests", args=[slug]),
        invalid=_("Choose whether to accept or decline."),
        decide=lambda accept: services.decide_join_request(
            join_request, by=request.user, accept=accept
        ),
        accepted=_("%(person)s has joined as editor.") % person,
        declined=_("The request from %(person)s is declined.") % person,
    )


@login_required
@require_safe
def manage_vouching(request, slug):
    membership = _membership(request, slug, admin=True)
    organisation = membership.organisation
    return _render(
        request,
        "vouching",
        membership,
        _("Vouching"),
        vouch_requests=services.pending_vouch_requests(organisation),
        vouched_groups=organisation.vouched_groups.filter(vouched_at__isnull=False),
    )


@login_required
@require_POST
def manage_decide_vouching(request, slug, group_slug):
    membership = _membership(request, slug, admin=True)
    voucher = membership.organisation
    group = get_object_or_404(Organisation, slug=group_slug, vouched_by=voucher)
    name = {"name": group.name}
    return _decide(
        request,
        reverse("partners:manage_vouching", args=[slug]),
        invalid=_("Choose whether to vouch for the group or not."),
        decide=lambda vouch: services.decide_vouch_request(
            group, voucher=voucher, by=request.user, vouch=vouch
        ),
        accepted=_("You vouch for %(name)s: the moderators can now review its application.") % name,
        declined=_("You have declined to vouch for %(name)s.") % name,
    )
