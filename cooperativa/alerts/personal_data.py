"""What alerts add to a person's "my data": their saved searches. Deleting
the account deletes them with it (the foreign key cascades)."""

from cooperativa.accounts.personal_data import register_section

from .models import Alert


def _when(value):
    return value.isoformat() if value else None


@register_section("alerts")
def alerts(user):
    return [
        {
            "name": alert.name,
            "search": f"{alert.hub.get_url()}?{alert.query}"
            if alert.query
            else alert.hub.get_url(),
            "language": alert.language,
            "how_often": alert.frequency,
            "created_at": _when(alert.created_at),
            "last_sent_at": _when(alert.last_sent_at),
            "opportunities_sent": alert.sent_items.count(),
        }
        for alert in Alert.objects.filter(user=user).select_related("hub")
    ]
