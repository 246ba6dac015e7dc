"""The forms of alerts: saving a search, and changing a saved one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Alert

FREQUENCY_HELP = _("We only write when something new matches, never with an empty email.")


class FrequencyField(forms.ChoiceField):
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(
            label=_("How often should we email you?"),
            choices=Alert.Frequency.choices,
            help_text=FREQUENCY_HELP,
            error_messages={"required": _("Choose how often we should email you.")},
            **kwargs,
        )


class AlertForm(forms.ModelForm):
    """A signed-in participant names the alert and says how often."""

    frequency = FrequencyField()

    class Meta:
        model = Alert
        fields = ["name", "frequency"]
        labels = {"name": _("Name of this alert")}
        help_texts = {"name": _("So that you recognise it in your emails and in your account.")}
        error_messages = {
            "name": {
                "required": _("Give the alert a name."),
                "max_length": _("The name can be at most %(limit_value)d characters long."),
            }
        }

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class AddressAlertForm(forms.Form):
    """Without an account, an email address is enough."""

    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "We send a link to confirm it. We create no account and use it for nothing else."
        ),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = FrequencyField()
