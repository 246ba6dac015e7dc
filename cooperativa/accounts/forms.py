"""Forms of the participant's own pages (/me/), and allauth's sign-up form
made to do the same work whether or not an address has an account."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from .i18n import language_names
from .models import User


def language_choices():
    return [("", _("No preference: follow the page I am reading")), *language_names()]


class ProfileForm(forms.ModelForm):
    preferred_language = forms.TypedChoiceField(
        label=_("Preferred language"),
        choices=language_choices,
        required=False,
        help_text=_("The language of the emails we send you and of the site after you sign in."),
    )

    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
        }
        error_messages = {
            "display_name": {
                "max_length": _(
                    "Your display name can be at most %(limit_value)d characters long; "
                    "it has %(show_value)d."
                )
            }
        }

    def clean_display_name(self):
        # Spaces alone would make the name look empty wherever it is shown.
        return " ".join(self.cleaned_data["display_name"].split())


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and my data will be deleted for good."),
        error_messages={
            "required": _("Tick the box to confirm that you want to delete your account."),
        },
    )


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form (ACCOUNT_FORMS), answering in the same time
    whether or not the address typed already has an account.

    A new account costs one password hash (``set_password``), which with
    the production hasher takes longer than everything else the request
    does; a known address got its "account already exists" email without
    one, so the quicker answer gave away that the account exists. Both paths
    now hash the password typed exactly once; on the known path the result
    is thrown away. Everything else is already alike: one email queued,
    the same redirect and page.
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
