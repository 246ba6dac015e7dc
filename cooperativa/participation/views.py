"""The public side of participation: the response and referral forms, the
page that confirms a response was sent, and the participant's own list at
/me/responses/.

Every page here may show what a person typed, so none is stored by a
browser or a proxy (Cache-Control: no-store).
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cooperativa.opportunities.models import CallPage, OpportunityPage, PlacementPage
from partners.models import Organisation

from . import permissions, services
from .forms import ReferralForm, ResponseForm, new_stamp, stamp_age
from .models import Response

RESPONDING_TYPES = (PlacementPage, CallPage)


def opportunity_and_host(page_id):
    """The placement or call with id ``page_id`` that the public can see, and
    its host organisation; 404 for anything else."""
    base = get_object_or_404(OpportunityPage.objects.live().public(), pk=page_id)
    page = base.specific
    if not isinstance(page, RESPONDING_TYPES):
        raise Http404
    organisation = getattr(page.host_page, "organisation", None)
    if organisation is None or organisation.status != Organisation.Status.APPROVED:
        raise Http404
    return page, organisation


def _bound_data(request):
    """What was sent, with a fresh "opened at" stamp when the one sent is
    forged or too old, so that sending again works."""
    data = request.POST.copy()
    if stamp_age(data.get("started")) is None:
        data["started"] = new_stamp()
    return data


def _handle(request, page, organisation, form_class, template, **form_kwargs):
    consent = services.consent_statement(organisation)
    context = {"page": page, "organisation": organisation}
    # The state rule of OpportunityQuerySet, in Python (the two are tested
    # to agree): no query.
    if not page.is_open:
        return render(request, "participation/closed.html", context, status=410)
    if request.method == "POST":
        if not ratelimit.consume(request, action="respond"):
            return render(request, "429.html", status=429)
        form = form_class(_bound_data(request), page=page, consent=consent, **form_kwargs)
        if form.is_robot:
            # Robots are told it worked, and nothing is kept.
            return HttpResponseRedirect(reverse("participation:sent", args=[page.pk]))
        if form.is_valid():
            referrer = None
            if isinstance(form, ReferralForm):
                referrer = (request.user, form.referrer_organisation)
            services.submit_response(
                page,
                organisation,
                token=form.cleaned_data["token"],
                fields=form.response_fields(),
                user=request.user,
                referrer=referrer,
            )
            url = reverse("participation:sent", args=[page.pk])
            return HttpResponseRedirect(url + ("?referral=1" if referrer else ""))
    else:
        form = form_class(page=page, consent=consent, **form_kwargs)
    return render(request, template, {**context, "form": form})


@never_cache
def respond(request, page_id):
    page, organisation = opportunity_and_host(page_id)
    return _handle(request, page, organisation, ResponseForm, "participation/respond.html")


@never_cache
@login_required
def refer(request, page_id):
    page, organisation = opportunity_and_host(page_id)
    organisations = permissions.referring_organisations(request.user)
    if not organisations.exists():
        return render(
            request,
            "participation/refer_not_allowed.html",
            {"page": page, "organisation": organisation},
            status=403,
        )
    return _handle(
        request,
        page,
        organisation,
        ReferralForm,
        "participation/refer.html",
        organisations=organisations,
    )


@never_cache
def sent(request, page_id):
    page, organisation = opportunity_and_host(page_id)
    return render(
        request,
        "participation/sent.html",
        {
            "page": page,
            "organisation": organisation,
            "referral": request.GET.get("referral") == "1",
        },
    )


@never_cache
@login_required
def my_responses(request):
    user = request.user
    context = {
        "responses": Response.objects.filter(user=user).select_related("organisation"),
        "referrals": Response.objects.filter(referred_by=user).select_related("organisation"),
        "can_refer": permissions.can_refer(user),
    }
    return render(request, "participation/my_responses.html", context)


@never_cache
@login_required
@require_POST
def withdraw(request, pk):
    # Another person's response is not found: ids guessed say nothing.
    response = get_object_or_404(Response, pk=pk, user=request.user)
    if response.can_be_withdrawn:
        services.withdraw(response, by=request.user)
        messages.success(
            request,
            _("Your response is withdrawn. %(organisation)s can see that you withdrew it.")
            % {"organisation": response.organisation.name},
        )
    return HttpResponseRedirect(reverse("participation:mine"))
