"""What participation adds to a person's "my data" (their responses and the
referrals they made) and what deleting an account does to them."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from cooperativa.accounts.models import User
from cooperativa.accounts.personal_data import register_section

from . import services
from .models import Response


def _when(value):
    return value.isoformat() if value else None


def _response_data(response):
    return {
        "opportunity": response.opportunity_title,
        "organisation": response.organisation.name,
        "sent_at": _when(response.created_at),
        "status": response.status,
        "name": response.name,
        "contact_route": response.contact_route,
        "email": response.email,
        "phone": response.phone,
        "message": response.message,
        "access_needs": response.access_needs,
        "answers": response.answers,
        "justice_status": response.justice_status,
        "agreed_to": response.consent_statement,
        "withdrawn_at": _when(response.withdrawn_at),
    }


@register_section("responses")
def responses(user):
    return {
        "responses": [
            _response_data(response)
            for response in Response.objects.filter(user=user).select_related("organisation")
        ],
        "referrals_made": [
            {
                **_response_data(response),
                "referred_as": response.referrer_organisation
                and response.referrer_organisation.name,
            }
            for response in Response.objects.filter(referred_by=user).select_related(
                "organisation", "referrer_organisation"
            )
        ],
    }


@receiver(pre_delete, sender=User, dispatch_uid="participation_anonymise_on_account_deletion")
def anonymise_responses(sender, instance, **kwargs):
    """Before the account goes, what it sent loses everything personal (the
    foreign keys alone would only unlink it)."""
    services.anonymise_for_deleted_account(instance)
