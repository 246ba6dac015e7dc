"""System checks for the outbox's email settings.

The outbox worker delivers through ``OUTBOX_DELIVERY_BACKEND``: if that were
the outbox backend itself, every delivery would queue the message again and
nothing would ever leave. Caught at start-up rather than in the worker.
"""

from django.core.checks import Error, register
from django.utils.module_loading import import_string


@register()
def check_delivery_backend(app_configs, **kwargs):
    from .backends import OutboxEmailBackend
    from .email import outbox_setting

    backend = outbox_setting("OUTBOX_DELIVERY_BACKEND")
    try:
        backend_class = import_string(backend)
    except ImportError as error:
        return [
            Error(
                f"OUTBOX_DELIVERY_BACKEND {backend!r} cannot be imported: {error}",
                hint="Set the environment variable EMAIL_BACKEND to a Django email backend.",
                id="notifications.E001",
            )
        ]
    if isinstance(backend_class, type) and issubclass(backend_class, OutboxEmailBackend):
        return [
            Error(
                "OUTBOX_DELIVERY_BACKEND is the outbox backend: nothing would ever leave.",
                hint=(
                    "The environment variable EMAIL_BACKEND names the backend that really "
                    "sends (django.core.mail.backends.smtp.EmailBackend, say); only the "
                    "setting EMAIL_BACKEND is the outbox."
                ),
                id="notifications.E002",
            )
        ]
    return []
