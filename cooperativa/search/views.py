"""Site search at /search/ (and /it/search/): every live, public page of the
active language.

One call to the search backend finds the pages, best match first.
Opportunities among them are shown with the hub's filters and counts, worked
out by the database on the ids that the search found; other pages (partners,
hubs, standard pages) are listed apart. The number of queries does not grow
with the number of results.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from cooperativa.core import page_cache, parameters
from cooperativa.opportunities.filters import OpportunityListing
from cooperativa.opportunities.listing import KIND_MODELS, hubs_of
from cooperativa.opportunities.models import OpportunityPage

# Enough for any real question; beyond this, a visitor refines the words.
MAX_RESULTS = 500
MAX_QUERY_LENGTH = 200
OTHER_PAGES_PER_PAGE = 10
# The search's own GET parameters, besides the opportunity filters.
QUERY_PARAMETER = "q"
OTHER_PAGE_PARAMETER = "other_page"


def search_words(query):
    """The words of a query, without punctuation: quotes, brackets and
    asterisks mean something to the search engines, not to our visitors."""
    return " ".join(re.findall(r"\w+", query))


def search_pages(query, locale):
    """(id, content type id) of the pages of ``locale`` matching ``query``,
    best first. Kept in the shared cache under the content version: the same
    words asked again (a common word, a link shared) cost no search until
    the content changes. Two numbers per page, not the pages: a common word
    finds hundreds, and only a page of them is ever shown."""
    words = search_words(query)
    if not words:
        return []

    def find():
        pages = Page.objects.live().public().filter(locale=locale)
        return [(page.pk, page.content_type_id) for page in pages.search(words)[:MAX_RESULTS]]

    return page_cache.remember("search", find, words.casefold(), locale.pk)


def specific_in_order(ids):
    found = Page.objects.filter(pk__in=ids).specific().in_bulk()
    return [found[pk] for pk in ids if pk in found]


def search(request):
    params = parameters.cleaned(request.GET)
    query = " ".join(params.get(QUERY_PARAMETER, "").split())[:MAX_QUERY_LENGTH]
    context = {"query": query}
    if query:
        locale = Locale.get_active()
        found = search_pages(query, locale)
        opportunity_types = {
            content_type.pk
            for content_type in ContentType.objects.get_for_models(*KIND_MODELS.values()).values()
        }
        ranked_ids = [pk for pk, content_type_id in found if content_type_id in opportunity_types]
        others = [pk for pk, content_type_id in found if content_type_id not in opportunity_types]

        listing = OpportunityListing(
            params,
            OpportunityPage.objects.filter(pk__in=ranked_ids),
            show_type=True,
            ranked_ids=ranked_ids,
            path=request.path,
        )
        other_pages = Paginator(others, OTHER_PAGES_PER_PAGE).get_page(
            params.get(OTHER_PAGE_PARAMETER)
        )
        context.update(
            listing=listing,
            found_opportunities=bool(ranked_ids),
            other_pages=other_pages,
            other_items=specific_in_order(other_pages.object_list),
            found_anything=bool(found),
            # With no opportunity found, the hubs are the way forward.
            hubs=[] if ranked_ids else hubs_of(locale),
        )
    return TemplateResponse(request, "pages/search.html", context)
