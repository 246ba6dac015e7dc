"""Serializers for the read API's `api_fields` that describe organisations.

Each one chooses exactly what leaves the site: organisations are described by
what they are and where they work, never by the people in them, and no
contact details are exposed (a small group's "public" email or address may
well be a person's own).
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
