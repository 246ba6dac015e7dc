"""schema.org descriptions of pages, for search engines (JSON-LD).

``structured_data_for(page, request)`` returns a list of plain dicts; the
``{% json_ld %}`` template tag renders them. Every page but the home page
gets a BreadcrumbList, and a page type that says what it is registers a
builder with ``@describes(PageModel)`` in its own app's structured_data
module (imported by the app's ``ready()``), so this base layer knows no
feature app.

Nothing is invented: a field that is empty is left out.
"""

from django.utils import timezone

from .site_context import page_family

SCHEMA_CONTEXT = "https://schema.org"
LOGO_FILTER = "max-512x512"

_BUILDERS = {}


def describes(model):
    """Register the decorated ``builder(page, request)`` for pages of ``model``.
    A builder returns one dict, or None when the page has nothing to say."""

    def register(builder):
        _BUILDERS[model] = builder
        return builder

    return register


def structured_data_for(page, request):
    """The JSON-LD objects that describe ``page``, most specific first."""
    data = []
    builder = _BUILDERS.get(type(page))
    if builder:
        described = builder(page, request)
        if described:
            data.append(described)
    breadcrumbs = breadcrumb_list(page, request)
    if breadcrumbs:
        data.append(breadcrumbs)
    return data


# --- Shared pieces ----------------------------------------------------------


def compact(data):
    """Leave out empty values: an empty string is not a fact."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def local_iso(moment):
    return timezone.localtime(moment).isoformat()


def image_url(image):
    if image is None:
        return None
    return image.get_rendition(LOGO_FILTER).full_url


def postal_address(area=None, street=""):
    return compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": area.name if area else "",
            "addressRegion": area.province if area else "",
            "addressCountry": "IT",
        }
    )


# --- Breadcrumbs ------------------------------------------------------------


def breadcrumb_list(page, request):
    """Home page → … → this page. None on the home page itself, where a
    trail of one says nothing."""
    # The shell has already fetched the ancestors for the breadcrumbs and
    # language links; reuse them. Depth 1 is Wagtail's invisible root; each
    # language's home is depth 2.
    ancestors = [
        ancestor for ancestor in page_family(request, page).ancestors if ancestor.depth > 1
    ]
    trail = [*ancestors, page]
    if len(trail) < 2:
        return None
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }
