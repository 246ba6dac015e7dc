"""Serializer fields for the read API's `api_fields` on page models.

They live apart from the API views so that models can import them at load
time without pulling in the views. Each one chooses exactly what leaves the
site: organisations are described by what they are and where they work,
never by the people in them, and no contact details are exposed (a small
group's "public" email or address may well be a person's own).
"""

from rest_framework import serializers


class OrganisationSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    legal_form = serializers.CharField(read_only=True)
    website = serializers.URLField(read_only=True)
    areas = serializers.StringRelatedField(many=True, read_only=True)


def area_field():
    """The area of an opportunity as a plain string, e.g. "Torino (TO)"."""
    return serializers.StringRelatedField(read_only=True)


def audience_codes_field():
    """Who an opportunity is for, as the stable audience codes."""
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")


def vocabulary_code_field():
    """A vocabulary term (e.g. the sector) as its stable code."""
    return serializers.SlugRelatedField(read_only=True, slug_field="code")


def text_field(source=None):
    """A read-only value computed by the model (a property, not a column)."""
    return serializers.CharField(source=source, read_only=True)
