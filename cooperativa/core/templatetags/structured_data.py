"""``{% json_ld %}``: the schema.org description of the page being shown.

Uses ``page`` and ``request`` from the context and renders nothing on views
that are not Wagtail pages (search, accounts, error pages).
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from cooperativa.core.structured_data import structured_data_for

register = template.Library()

# Inside <script> only "</script>" and "<!--" can break out; escaping every
# <, > and & (as Django's json_script does) rules them out whatever the
# content, and JSON parsers read the escapes back as the same characters.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script_json(data):
    """JSON safe to place inside a <script> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above


@register.simple_tag(takes_context=True)
def json_ld(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return ""
    page = page.specific
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((to_script_json(item),) for item in structured_data_for(page, request)),
    )
