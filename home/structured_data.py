"""schema.org description of the home page: a WebSite with a SearchAction
for the site search."""

from django.conf import settings
from django.urls import reverse

from cooperativa.core.structured_data import SCHEMA_CONTEXT, describes

from .models import HomePage


@describes(HomePage)
def website(page, request):
    url = page.get_full_url(request)
    _site_id, root_url, _path = page.get_url_parts(request)
    search_url = f"{root_url}{reverse('search')}?q={{search_term_string}}"
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": url,
        "inLanguage": page.locale.language_code,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url},
            "query-input": "required name=search_term_string",
        },
    }
