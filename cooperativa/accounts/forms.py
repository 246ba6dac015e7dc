"""Forms of the participant's own pages (/me/)."""

from django import forms
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
        fields = [
            "display_name",
            "preferred_language",
            "email_opportunity_alerts",
            "email_newsletter",
        ]
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
