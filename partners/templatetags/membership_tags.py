"""Template filters about a person's place in an organisation, for public
pages that offer members and non-members different ways onwards."""

from django import template

from partners.models import Membership

register = template.Library()


@register.filter
def is_member_of(user, organisation):
    """Whether ``user`` belongs to ``organisation``: one EXISTS query for a
    signed-in person, none for a visitor."""
    if not getattr(user, "is_authenticated", False) or organisation is None:
        return False
    return Membership.objects.filter(user=user, organisation=organisation).exists()
