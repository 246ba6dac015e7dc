"""schema.org descriptions of organisations: an Organization for a partner
page, and for the organisations named on other pages."""

from cooperativa.core.structured_data import (
    SCHEMA_CONTEXT,
    compact,
    describes,
    image_url,
    postal_address,
)

from .models import PartnerPage


def organization(organisation, request, page=None):
    """An Organization for ``organisation``; ``page`` is its PartnerPage,
    its home on this site."""
    page_url = page.get_full_url(request) if page else None
    return compact(
        {
            "@type": "Organization",
            "name": organisation.name,
            "url": organisation.website or page_url,
            "logo": image_url(organisation.logo),
        }
    )


@describes(PartnerPage)
def partner_organization(page, request):
    organisation = page.organisation
    return compact(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "Organization",
            "name": organisation.name,
            # Its profile here is its address on this site; its own website
            # is where else it is found.
            "url": page.get_full_url(request),
            "sameAs": [organisation.website] if organisation.website else None,
            "logo": image_url(organisation.logo),
            "description": page.intro,
            "address": (
                postal_address(street=organisation.address) if organisation.address else None
            ),
        }
    )
