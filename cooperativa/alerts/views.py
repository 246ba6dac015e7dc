"""The pages of alerts.

- ``new``: "Get alerts for this search", from any hub, with the hub's own
  query string; signed in, the alert is saved at once; otherwise an address
  and a confirmation link (double opt-in).
- ``confirm``, ``unsubscribe``: signed links from emails, no sign-in. A GET
  only shows a button (mail scanners follow links); the POST acts. The
  unsubscribe address also takes the RFC 8058 one-click POST of mail
  programs, which carries no cookie, hence no CSRF token.
- ``alerts_list``, ``edit``: the participant's alerts at /me/alerts/, each
  only to its owner.
- ``extend``: the deadline reminder's one-click extension.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cooperativa.opportunities.models import OpportunityIndexPage

from . import lifecycle, matching, services, tokens
from .forms import AddressAlertForm, AlertForm
from .models import Alert

NOINDEX = {"robots": "noindex"}


def _hub(request):
    """The live hub named by ``hub`` (GET or POST), or 404."""
    hub_id = request.POST.get("hub") or request.GET.get("hub")
    if not str(hub_id or "").isdigit():
        raise Http404
    return get_object_or_404(OpportunityIndexPage.objects.live().public(), pk=hub_id)


@never_cache
@require_http_methods(["GET", "POST"])
def new(request):
    hub = _hub(request)
    # The form carries the query it was opened with; the hub's listing
    # normalises it again, so a tampered value can only narrow to valid filters.
    source = _query_dict(request.POST.get("query", "")) if request.method == "POST" else request.GET
    query = matching.normalised_query(hub, source)
    listing = matching.listing_for(hub, _query_dict(query))
    signed_in = request.user.is_authenticated
    language = hub.locale.language_code
    data = request.POST if request.method == "POST" else None
    if signed_in:
        initial = {"name": services.default_name(hub, query), "frequency": Alert.Frequency.DAILY}
        form = AlertForm(data, initial=initial)
    else:
        form = AddressAlertForm(data, initial={"frequency": Alert.Frequency.DAILY})
    if data is not None and form.is_valid():
        if signed_in:
            services.create_for_user(
                request.user,
                hub=hub,
                query=query,
                name=form.cleaned_data["name"],
                frequency=form.cleaned_data["frequency"],
                language=language,
            )
            messages.success(
                request, _("Your alert is saved. We will email you when something new matches.")
            )
            return HttpResponseRedirect(reverse("me_alerts"))
        email = form.cleaned_data["email"]
        services.subscribe_address(
            email, hub=hub, query=query, frequency=form.cleaned_data["frequency"], language=language
        )
        return render(request, "alerts/check_email.html", {"email": email, "hub": hub, **NOINDEX})
    context = {
        "form": form,
        "hub": hub,
        "query": query,
        "filters": [label for label, _url in listing.active_filters],
        "count": listing.count,
        "hub_url": f"{hub.get_url(request)}?{query}" if query else hub.get_url(request),
    }
    return render(request, "alerts/new.html", context)


def _query_dict(query):
    from django.http import QueryDict

    return QueryDict(query)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    alert = services.alert_from_token(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    if alert is None:
        return render(request, "alerts/link_invalid.html", status=404)
    if request.method == "POST":
        services.confirm(alert)
        return render(request, "alerts/confirmed.html", {"alert": alert, **_alert_context(alert)})
    return render(request, "alerts/confirm.html", {"alert": alert, **_alert_context(alert)})


def _alert_context(alert):
    return {"hub": alert.hub, "filters": matching.describe(alert), "hub_url": _alert_hub_url(alert)}


def _alert_hub_url(alert):
    url = alert.hub.get_url() or ""
    return f"{url}?{alert.query}" if alert.query else url


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    alert = services.alert_from_token(token, tokens.UNSUBSCRIBE_SALT)
    if request.method == "POST":
        if alert is not None:
            services.stop(alert, user=request.user if request.user.is_authenticated else None)
            return render(request, "alerts/unsubscribed.html", {"name": alert.name})
        if tokens.read_alert_token(token, tokens.UNSUBSCRIBE_SALT) is not None:
            # Already stopped: the same answer, a mail program may post twice.
            return render(request, "alerts/unsubscribed.html", {"name": ""})
        return render(request, "alerts/link_invalid.html", status=404)
    if alert is None:
        if tokens.read_alert_token(token, tokens.UNSUBSCRIBE_SALT) is not None:
            return render(request, "alerts/unsubscribed.html", {"name": ""})
        return render(request, "alerts/link_invalid.html", status=404)
    return render(request, "alerts/unsubscribe.html", {"alert": alert, **_alert_context(alert)})


def _crumbs(*items):
    from cooperativa.accounts.i18n import url_in_language

    trail = [{"title": _("Home"), "url": url_in_language("/", translation.get_language())}]
    trail.append({"title": _("Your account"), "url": reverse("me")})
    trail.append({"title": _("Your alerts"), "url": reverse("me_alerts")})
    trail.extend({"title": title, "url": url} for title, url in items)
    return trail


@login_required
def alerts_list(request):
    alerts = list(request.user.alerts.select_related("hub").order_by("name", "pk"))
    for alert in alerts:
        alert.hub_url = _alert_hub_url(alert)
    return render(request, "alerts/list.html", {"alerts": alerts, "crumbs": _crumbs()})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, alert_id):
    # Another person's alert is not found, whatever its id.
    alert = get_object_or_404(Alert.objects.select_related("hub"), pk=alert_id, user=request.user)
    if request.method == "POST" and "delete" in request.POST:
        services.stop(alert, user=request.user)
        messages.success(request, _("The alert has been stopped."))
        return HttpResponseRedirect(reverse("me_alerts"))
    form = AlertForm(request.POST if request.method == "POST" else None, instance=alert)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your alert has been saved."))
        return HttpResponseRedirect(reverse("me_alerts"))
    context = {
        "alert": alert,
        "form": form,
        "crumbs": _crumbs((alert.name, request.path)),
        **_alert_context(alert),
    }
    return render(request, "alerts/edit.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def extend(request, token):
    try:
        notice, user = lifecycle.extension_for(token)
        lifecycle.check_extension(notice, user)
    except lifecycle.ExtensionRefused as refusal:
        return render(request, "alerts/extend_refused.html", {"reason": str(refusal)}, status=410)
    pages = lifecycle.extension_pages(notice)
    context = {
        "page": pages[0],
        "closes_on": notice.closes_on,
        "new_closes_on": notice.closes_on + lifecycle.EXTENSION,
    }
    if request.method == "POST":
        try:
            lifecycle.extend(notice, user)
        except lifecycle.ExtensionRefused as refusal:
            return render(
                request, "alerts/extend_refused.html", {"reason": str(refusal)}, status=410
            )
        return render(request, "alerts/extended.html", context)
    return render(request, "alerts/extend.html", context)
