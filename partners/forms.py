"""Forms for signing up an organisation and for managing its members."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperativa.core.vocabularies import default_language_only

from .models import Area, AssetType, Membership, Organisation

# Registry numbers come in many shapes (A123456 in the register of
# cooperatives, an 11-digit tax code, a RUNTS number): accept any of them,
# refuse only what cannot be a number at all.
REGISTRY_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{2,38}[A-Za-z0-9]$")
REGISTRY_REQUIRED_FOR = {
    Organisation.LegalForm.SOCIAL_COOPERATIVE,
    Organisation.LegalForm.CONSORTIUM,
}
COOPERATIVE_KINDS = {Organisation.Kind.COOPERATIVE_A, Organisation.Kind.COOPERATIVE_B}


def vocabulary_checkboxes(model, label, help_text):
    """Optional checkboxes for the terms of a vocabulary (the rows in the
    default language, the only ones an organisation may point at)."""
    return forms.ModelMultipleChoiceField(
        queryset=model.objects.filter(default_language_only()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
        help_text=help_text,
    )


class ApplicationForm(forms.ModelForm):
    """The organisation's application: what the moderators need to decide and
    what its public page will say."""

    areas = vocabulary_checkboxes(
        Area,
        _("Where you work"),
        _("Tick every municipality where you run activities."),
    )
    assets = vocabulary_checkboxes(
        AssetType,
        _("What you offer your town"),
        _("Rooms, workshops, mentoring, jobs…: tick what others could use or join."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("For example https://www.example.it"),
    )
    vouched_by = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=_("Organisation that vouches for your group"),
        empty_label=_("Choose an organisation"),
        help_text=_(
            "Informal groups only: an approved partner that knows your group. We ask it to "
            "confirm before we review your application."
        ),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "legal_form",
            "registry_number",
            "vouched_by",
            "description",
            "areas",
            "address",
            "website",
            "assets",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        labels = {
            "name": _("Name of the organisation"),
            "kind": _("What kind of organisation is it?"),
            "legal_form": _("Legal form"),
            "registry_number": _("Registry number"),
            "description": _("What your organisation does"),
            "address": _("Address"),
            "contact_name": _("Contact person"),
            "contact_email": _("Contact person's email"),
            "contact_phone": _("Contact person's phone"),
        }
        help_texts = {
            "name": _("As people know it, for example Cooperativa Sociale Il Forno."),
            "registry_number": _(
                "Required for social cooperatives and consortia: the number in the register "
                "of cooperatives (Albo delle società cooperative, for example A123456). Other "
                "organisations may give their RUNTS number, tax code or VAT number."
            ),
            "description": _(
                "Two or three plain sentences for your public page: what you do, with whom, "
                "and where."
            ),
            "address": _("Street, number and town of your main site, if you have one."),
            "contact_name": _(
                "The person we can call about this application. Only the cooperative's "
                "moderators and your organisation's administrators see these contact details."
            ),
            "contact_phone": _("Optional."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        vouchers = Organisation.objects.public().exclude(legal_form=Organisation.LegalForm.INFORMAL)
        if self.instance.pk:
            vouchers = vouchers.exclude(pk=self.instance.pk)
        self.fields["vouched_by"].queryset = vouchers
        self.fields["description"].required = True
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        if self.instance.pk:
            self.fields["areas"].initial = self.instance.areas.all()
            self.fields["assets"].initial = self.instance.assets.all()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        same_name = Organisation.objects.filter(name__iexact=name).exclude(
            status=Organisation.Status.REJECTED
        )
        if self.instance.pk:
            same_name = same_name.exclude(pk=self.instance.pk)
        if same_name.exists():
            raise forms.ValidationError(
                _(
                    "An organisation called “%(name)s” is already registered. If it is yours, "
                    "ask to join it instead of registering it again."
                ),
                code="duplicate",
                params={"name": name},
            )
        return name

    def clean_registry_number(self):
        number = " ".join(self.cleaned_data.get("registry_number", "").split())
        if number and (not REGISTRY_NUMBER.match(number) or not any(ch.isdigit() for ch in number)):
            raise forms.ValidationError(
                _(
                    "Write the number as it appears on your registration, with letters, digits "
                    "and, if needed, spaces, dots, slashes or dashes (for example A123456)."
                ),
                code="format",
            )
        return number

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        legal_form = cleaned.get("legal_form")
        if (
            kind in COOPERATIVE_KINDS
            and legal_form
            and legal_form != (Organisation.LegalForm.SOCIAL_COOPERATIVE)
        ):
            self.add_error(
                "legal_form",
                _(
                    "A social cooperative has the legal form “Social cooperative”. Choose it, or "
                    "choose another kind of organisation."
                ),
            )
        if (
            legal_form in REGISTRY_REQUIRED_FOR
            and not cleaned.get("registry_number")
            and ("registry_number" not in self.errors)
        ):
            self.add_error(
                "registry_number",
                _("Social cooperatives and consortia are registered: please give the number."),
            )
        if legal_form == Organisation.LegalForm.INFORMAL:
            if not cleaned.get("vouched_by"):
                self.add_error(
                    "vouched_by",
                    _(
                        "An informal group needs an approved organisation that knows it to vouch "
                        "for it. Choose one from the list."
                    ),
                )
        else:
            cleaned["vouched_by"] = None
        return cleaned


class SignUpForm(ApplicationForm):
    charter = forms.BooleanField(
        label=_("I have read the partnership charter and my organisation accepts it."),
        error_messages={
            "required": _("To become a partner, your organisation must accept the charter.")
        },
    )

    class Meta(ApplicationForm.Meta):
        pass


class ProfileForm(forms.ModelForm):
    """What an approved organisation's administrators keep up to date."""

    areas = ApplicationForm.base_fields["areas"]
    assets = ApplicationForm.base_fields["assets"]
    website = ApplicationForm.base_fields["website"]

    class Meta:
        model = Organisation
        fields = [
            "description",
            "areas",
            "address",
            "website",
            "email",
            "phone",
            "assets",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        labels = {
            **ApplicationForm.Meta.labels,
            "email": _("Public email"),
            "phone": _("Public phone"),
        }
        help_texts = {
            **ApplicationForm.Meta.help_texts,
            "email": _("Shown on your public page: an address for the public to write to."),
            "phone": _("Shown on your public page."),
        }
        widgets = ApplicationForm.Meta.widgets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].required = True
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        self.fields["areas"].initial = self.instance.areas.all()
        self.fields["assets"].initial = self.instance.assets.all()


class JoinRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.public(),
        label=_("Organisation"),
        empty_label=_("Choose an organisation"),
        to_field_name="slug",
    )
    message = forms.CharField(
        label=_("A message for its administrators"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Say who you are in the organisation, so they recognise you."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.EDITOR,
        help_text=_("Editors write pages. Administrators also manage members."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.HiddenInput,
    )

    @property
    def accepted(self):
        return self.cleaned_data["decision"] == "accept"
