"""The signed-in person's own pages (/me/), and the guided two-factor set-up.

Profile and preferences, "download my data" and "delete my account" live
here; email, password and two-factor changes are allauth's own pages. Views
that give out or destroy the account's data ask for the password again
(allauth's re-authentication) when the last sign-in is not recent.
"""

import json

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView as BaseViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView as BaseActivateTOTPView
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cooperativa.core.notify import notify

from .adapters import site_identity
from .forms import DeleteAccountForm, ProfileForm
from .i18n import url_in_language
from .middleware import delete_language_cookie, set_language_cookie
from .models import User
from .personal_data import deletion_blockers, export_personal_data, register_deletion_check

# Where to go once the authenticator app is set up (the admin page that sent
# the person to the set-up); kept in the session because allauth's form posts
# to its own address without the query string.
AFTER_MFA_SETUP_SESSION_KEY = "accounts:after_mfa_setup"


def _safe_next(request):
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def _crumbs(*items):
    """A breadcrumb trail from the home page in the active language."""
    trail = [{"title": _("Home"), "url": url_in_language("/", translation.get_language())}]
    trail.append({"title": _("Your account"), "url": reverse("me")})
    trail.extend({"title": title, "url": url} for title, url in items)
    return trail


@login_required
def profile(request):
    user = request.user
    previous_language = user.preferred_language
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        language = form.cleaned_data["preferred_language"]
        with translation.override(language or translation.get_language()):
            messages.success(request, _("Your profile has been saved."))
        if language and language != previous_language:
            # Show the page again in the language just chosen.
            response = HttpResponseRedirect(url_in_language(request.path, language))
            set_language_cookie(response, language)
            return response
        response = HttpResponseRedirect(request.path)
        if not language:
            # "No preference": the cookie of an earlier choice must not keep
            # speaking for the person on pages without a language prefix.
            delete_language_cookie(response)
        return response
    context = {
        "form": form,
        "has_mfa": is_mfa_enabled(user, [Authenticator.Type.TOTP]),
        "crumbs": _crumbs(),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@reauthentication_required
@never_cache
def export_data(request):
    data = export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"cooperativa-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@register_deletion_check
def last_superuser(user):
    if (
        user.is_superuser
        and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk).exists()
    ):
        return _(
            "This is the only administrator account, so it cannot be deleted. "
            "Give another person administrator rights first."
        )
    return None


@login_required
@reauthentication_required
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        blockers = deletion_blockers(user)
        for reason in blockers:
            form.add_error(None, reason)
        if not blockers:
            _delete(request, user)
            messages.success(
                request,
                _(
                    "Your account and its data have been deleted. We have sent a "
                    "confirmation to your email address. Thank you for taking part."
                ),
            )
            return HttpResponseRedirect(url_in_language("/", translation.get_language()))
    context = {"form": form, "crumbs": _crumbs((_("Delete your account"), request.path))}
    return render(request, "accounts/delete.html", context)


def _delete(request, user):
    """Delete the account, tell its owner, and end the session."""
    context = {"site": site_identity(request), "display_name": user.display_name}
    subject = render_to_string("emails/account_deleted_subject.txt", context).strip()
    recipient = user.email
    # Out first: the session must not outlive the account it belongs to.
    logout(request)
    with transaction.atomic():
        user.delete()
        notify(
            [recipient],
            f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            "account_deleted_message",
            context,
        )


class ActivateTOTPView(BaseActivateTOTPView):
    """allauth's set-up of an authenticator app, which can lead back to the admin."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            next_url = _safe_next(request)
            if next_url:
                request.session[AFTER_MFA_SETUP_SESSION_KEY] = next_url
            else:
                request.session.pop(AFTER_MFA_SETUP_SESSION_KEY, None)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        if self.did_generate_recovery_codes:
            # The recovery codes page shows them once, with a link onwards.
            return reverse("mfa_view_recovery_codes")
        return self.request.session.pop(AFTER_MFA_SETUP_SESSION_KEY, None) or reverse("mfa_index")


class ViewRecoveryCodesView(BaseViewRecoveryCodesView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["continue_url"] = self.request.session.pop(AFTER_MFA_SETUP_SESSION_KEY, "")
        return context


activate_totp = ActivateTOTPView.as_view()
view_recovery_codes = ViewRecoveryCodesView.as_view()
