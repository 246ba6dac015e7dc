"""The response and referral forms.

Each asks the least that is needed to get in touch. Besides the fields a
person sees, the form carries three things for its own safety: a field hidden
from everyone (people never fill it, robots do), the moment the form was
opened, signed so it cannot be forged (a form sent within seconds is a
robot's), and a token that makes sending it twice record one response.
"""

import time
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from .models import JusticeStatus, Response

STAMP_SALT = "participation.form-opened"
# A form left open all day is still fine; older stamps are asked again.
STAMP_MAX_AGE = 24 * 60 * 60
QUESTION_PREFIX = "question_"
HONEYPOT_FIELD = "website"


def new_stamp():
    return signing.dumps(time.time(), salt=STAMP_SALT)


def stamp_age(value):
    """Seconds since the form was opened, or None for a missing or forged stamp."""
    try:
        opened = signing.loads(value or "", salt=STAMP_SALT, max_age=STAMP_MAX_AGE)
    except signing.BadSignature:
        return None
    return time.time() - float(opened)


class QuestionFormBuilder(FormBuilder):
    """Wagtail's form builder, with dates as a date picker on phones."""

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"})
        return forms.DateField(**options)


class BaseResponseForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What you would like them to know, or a question. You never have to explain "
            "your situation."
        ),
    )
    access_needs = forms.CharField(
        label=_("Access needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anything that would make it easier to take part: access, language, times."),
    )
    # Hidden from everyone, screen readers included: only robots fill it in.
    website = forms.CharField(label=_("Leave this empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)
    token = forms.UUIDField(widget=forms.HiddenInput)

    consent_label = _("I agree")

    def __init__(self, *args, page, consent, **kwargs):
        self.page = page
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("started", new_stamp())
        initial.setdefault("token", uuid.uuid4())
        super().__init__(*args, **kwargs)
        # Calls have questions of their own; placements do not.
        related = getattr(page, "response_questions", None)
        self.questions = list(related.all()) if related is not None else []
        for name, field in QuestionFormBuilder(self.questions).formfields.items():
            self.fields[QUESTION_PREFIX + name] = field
        justice_question = page.justice_status_questions.first()
        self.asks_justice_status = justice_question is not None
        if self.asks_justice_status:
            self.fields["justice_status"] = forms.ChoiceField(
                label=_("Your situation"),
                choices=JusticeStatus.choices,
                widget=forms.RadioSelect,
                help_text=justice_question.reason,
                error_messages={"required": _("Choose one; “Prefer not to say” is fine.")},
            )
        self.fields["consent"] = forms.BooleanField(
            label=self.consent_label,
            help_text=consent,
            error_messages={"required": _("Tick the box to send it, or close the page.")},
        )

    @property
    def question_fields(self):
        return [self[name] for name in self.fields if name.startswith(QUESTION_PREFIX)]

    @property
    def is_robot(self):
        """Whether the field hidden from people was filled in."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean(self):
        data = super().clean()
        # Said at the top of the form: the field it is about is hidden.
        age = stamp_age(data.get("started"))
        if age is None or age < settings.PARTICIPATION_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "That was quicker than we expected. Please check your answers and send "
                    "the form again."
                ),
                code="too_fast",
            )
        return data

    def answers(self):
        """The call's questions and their answers, as the questions read now."""
        answers = []
        for question in self.questions:
            value = self.cleaned_data.get(QUESTION_PREFIX + question.clean_name)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            answers.append(
                {"question": question.label, "answer": "" if value is None else str(value)}
            )
        return answers

    def response_fields(self):
        data = self.cleaned_data
        return {
            "message": data["message"],
            "access_needs": data["access_needs"],
            "answers": self.answers(),
            "justice_status": data.get("justice_status", ""),
        }


class ResponseForm(BaseResponseForm):
    """For the person themselves: an expression of interest or an answer to a call."""

    name = forms.CharField(
        label=_("Your name or initials"),
        max_length=120,
        help_text=_("Initials are enough."),
        error_messages={"required": _("Give your name or your initials.")},
    )
    contact_route = forms.ChoiceField(
        label=_("How should they get in touch?"),
        choices=[
            (Response.ContactRoute.EMAIL, _("By email")),
            (Response.ContactRoute.PHONE, _("By phone")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose email or phone.")},
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)

    field_order = ["name", "contact_route", "email", "phone", "message", "access_needs"]

    def clean(self):
        data = super().clean()
        route = data.get("contact_route")
        if route == Response.ContactRoute.EMAIL and not data.get("email"):
            self.add_error("email", _("Give an email address, or choose phone."))
        if route == Response.ContactRoute.PHONE and not data.get("phone", "").strip():
            self.add_error("phone", _("Give a phone number, or choose email."))
        return data

    def response_fields(self):
        data = self.cleaned_data
        route = data["contact_route"]
        return {
            **super().response_fields(),
            "name": data["name"].strip(),
            "contact_route": route,
            # Only the way the person chose: no spare contact details kept.
            "email": data["email"] if route == Response.ContactRoute.EMAIL else "",
            "phone": data["phone"].strip() if route == Response.ContactRoute.PHONE else "",
        }


class ReferralForm(BaseResponseForm):
    """For a member of a public service referring someone: initials only; the
    organisation gets in touch through the referrer."""

    name = forms.CharField(
        label=_("The person's initials"),
        max_length=12,
        help_text=_("Initials only: the organisation will get in touch through you."),
        error_messages={"required": _("Give the person's initials.")},
    )
    consent_label = _("The person has agreed to this")

    field_order = ["referrer_organisation", "name", "message", "access_needs"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = list(organisations)
        if len(self.organisations) > 1:
            self.fields["referrer_organisation"] = forms.TypedChoiceField(
                label=_("Referring as"),
                choices=[(org.pk, org.name) for org in self.organisations],
                coerce=int,
            )
        self.order_fields(self.field_order)

    @property
    def referrer_organisation(self):
        if len(self.organisations) == 1:
            return self.organisations[0]
        chosen = self.cleaned_data["referrer_organisation"]
        return next(org for org in self.organisations if org.pk == chosen)

    def response_fields(self):
        return {
            **super().response_fields(),
            "name": self.cleaned_data["name"].strip(),
            "contact_route": Response.ContactRoute.REFERRER,
        }
