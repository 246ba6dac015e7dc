"""The organisation's projects with others, in its management area
(/partners/manage/<slug>/projects/): requests to be named as a partner, to
accept or decline, and the projects it is a partner of, to leave.

As in the rest of the management area, people who are not members get a
404 and members who are not administrators a 403; a partnership is looked
up within the organisation in the address, so an id of another
organisation's partnership is simply not found.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from partners import permissions
from partners.forms import DecisionForm
from partners.models import Membership

from . import services
from .models import Partnership


def _admin_membership(request, slug):
    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user, organisation__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    if not permissions.can_manage(request.user, membership.organisation):
        raise PermissionDenied
    return membership


def _crumbs(organisation):
    return [
        {"title": _("Home"), "url": reverse("wagtail_serve", args=[""])},
        {"title": _("Your organisations"), "url": reverse("partners:manage")},
        {
            "title": organisation.name,
            "url": reverse("partners:manage_overview", args=[organisation.slug]),
        },
        {"title": _("Projects with others"), "url": ""},
    ]


@login_required
@require_safe
def partnerships(request, slug):
    membership = _admin_membership(request, slug)
    organisation = membership.organisation
    rows = Partnership.objects.filter(organisation=organisation).select_related(
        "project", "invited_by"
    )
    return render(
        request,
        "codesign/manage/partnerships.html",
        {
            "organisation": organisation,
            "membership": membership,
            "can_manage": True,
            "crumbs": _crumbs(organisation),
            "invited": [row for row in rows if row.status == Partnership.Status.INVITED],
            "accepted": [row for row in rows if row.status == Partnership.Status.ACCEPTED],
            "past": [
                row
                for row in rows
                if row.status in (Partnership.Status.DECLINED, Partnership.Status.LEFT)
            ],
        },
    )


def _back(slug):
    return redirect(reverse("codesign:partnerships", args=[slug]))


@login_required
@require_POST
def answer(request, slug, pk):
    membership = _admin_membership(request, slug)
    partnership = get_object_or_404(Partnership, pk=pk, organisation=membership.organisation)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to accept or decline."))
        return _back(slug)
    try:
        services.answer(partnership, by=request.user, accept=form.accepted)
    except services.PartnerError as error:
        messages.error(request, error.message)
    else:
        title = {"title": partnership.project.title}
        messages.success(
            request,
            _("You are now a partner of “%(title)s”: your members can edit it.") % title
            if form.accepted
            else _("You declined to be named on “%(title)s”.") % title,
        )
    return _back(slug)


@login_required
@require_POST
def leave(request, slug, pk):
    membership = _admin_membership(request, slug)
    partnership = get_object_or_404(Partnership, pk=pk, organisation=membership.organisation)
    try:
        services.leave(partnership, by=request.user)
    except services.PartnerError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You left “%(title)s”: it no longer names you.")
            % {"title": partnership.project.title},
        )
    return _back(slug)
