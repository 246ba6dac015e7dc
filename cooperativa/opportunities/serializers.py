"""Serializer fields for the read API's `api_fields` on page models.

They live apart from the API views so that models can import them at load
time without pulling in the views. Organisations and areas are described by
partners.serializers.
"""

from rest_framework import serializers


def audience_codes_field():
    """Who an opportunity is for, as the stable audience codes."""
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")


def vocabulary_code_field():
    """A vocabulary term (e.g. the sector) as its stable code."""
    return serializers.SlugRelatedField(read_only=True, slug_field="code")


def text_field(source=None):
    """A read-only value computed by the model (a property, not a column)."""
    return serializers.CharField(source=source, read_only=True)
