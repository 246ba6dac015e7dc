"""The management area's forms for places and assets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Asset, Place


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = [
            "name",
            "area",
            "address",
            "latitude",
            "longitude",
            "town_only",
            "opening_times",
            "step_free",
            "access_notes",
        ]
        widgets = {
            "opening_times": forms.Textarea(attrs={"rows": 3}),
            "access_notes": forms.Textarea(attrs={"rows": 3}),
            "latitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        }
        help_texts = {
            "latitude": _("e.g. 45.070312. With JavaScript, click the map above instead."),
            "longitude": _("e.g. 7.686856."),
        }


class AssetForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = ["place", "asset_type", "description", "availability", "how_to_ask"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this organisation's places can be chosen, whatever is posted.
        self.fields["place"].queryset = organisation.places.all()
        self.fields["place"].empty_label = None
