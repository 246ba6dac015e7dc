"""The Wagtail admin's user screens, fitted to an email-only user.

Wagtail's own forms already use the email address as the login; these add
the display name and language, and let first and last names stay empty,
since people sign up with an email address and a display name only.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .i18n import language_names

EXTRA_FIELDS = {"display_name", "preferred_language"}


def language_choices():
    return [("", _("No preference")), *language_names()]


class ProfileFieldsMixin(forms.Form):
    first_name = forms.CharField(required=False, label=_("First name"))
    last_name = forms.CharField(required=False, label=_("Last name"))
    preferred_language = forms.TypedChoiceField(
        choices=language_choices, required=False, label=_("Preferred language")
    )


class AdminUserCreationForm(ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | EXTRA_FIELDS


class AdminUserEditForm(ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | EXTRA_FIELDS


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/wagtail_users/create.html"
    edit_template_name = "accounts/wagtail_users/edit.html"

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
