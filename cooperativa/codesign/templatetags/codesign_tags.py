"""What a public project page shows of its co-design: when each partner
agreed to the published version."""

from django import template

from cooperativa.core import page_cache

from ..models import Partnership

register = template.Library()


@register.simple_tag
def with_agreement_dates(page, partners):
    """(organisation, partner page, date it agreed or None) for each
    (organisation, partner page) in ``partners``, in one query."""
    # Kept under the content version: an answer or an agreement saves a
    # Partnership, which purges it (see apps.py).
    agreed = page_cache.remember(
        "agreement-dates",
        lambda: dict(
            Partnership.objects.for_project(page)
            .accepted()
            .values_list("organisation_id", "agreed_at")
        ),
        page.translation_key,
    )
    return [
        (organisation, partner_page, agreed.get(organisation.pk))
        for organisation, partner_page in partners
    ]
