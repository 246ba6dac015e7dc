"""System checks for the accounts settings.

A mistyped TRUSTED_PROXIES entry would otherwise surface only on the first
request that needs the client's address, as a server error on the sign-in page.
"""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def check_trusted_proxies(app_configs, **kwargs):
    from .client_address import trusted_networks

    try:
        trusted_networks(tuple(settings.TRUSTED_PROXIES))
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint=(
                    "Set the environment variable TRUSTED_PROXIES to the addresses or "
                    "networks of your reverse proxies, separated by commas "
                    "(e.g. TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8)."
                ),
                id="accounts.E001",
            )
        ]
    return []
