"""The one template library for who may do what with an organisation:
``{% load partner_permissions %}``, then
``{% may user "can_manage" organisation as ok %}``. Every answer comes from
partners.permissions."""

from django import template

from partners import permissions

register = template.Library()

# The questions a template may ask, by name: a typo fails loudly.
QUESTIONS = {
    name: getattr(permissions, name)
    for name in ("is_member", "is_admin", "can_manage", "can_invite", "can_decide_requests")
}


@register.simple_tag
def may(user, question, organisation):
    """``{% may user "is_member" organisation as is_member %}``: the answer
    of partners.permissions to ``question`` about ``user`` and ``organisation``."""
    return QUESTIONS[question](user, organisation)
