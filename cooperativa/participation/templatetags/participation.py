"""Template tags the placement and call pages use: how to respond, and the
host's own contact details beside "How to apply".

The opportunities app is the lower layer; its templates load this library,
as the partner page loads the opportunities' tag that lists its work.
"""

from django import template

from .. import permissions, services
from ..views import RESPONDING_TYPES

register = template.Library()


@register.inclusion_tag("participation/includes/respond_links.html", takes_context=True)
def respond_links(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    organisation = getattr(page.host_page, "organisation", None)
    return {
        "page": page,
        "organisation": organisation,
        "responds_here": isinstance(page, RESPONDING_TYPES) and page.is_open,
        "can_refer": user is not None and permissions.can_refer(user),
    }


@register.inclusion_tag("participation/includes/retention_notice.html")
def retention_notice():
    """How long responses are kept, from the settings, for the privacy page."""
    return {
        "months": services.retention_months(),
        "days": services.withdrawn_retention_days(),
    }
