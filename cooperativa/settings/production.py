"""Production settings: base settings, plus a refusal to start half-configured."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment to a random string of at least 50 "
        "characters, e.g. python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set in the environment: the host names this site answers to, "
        "separated by commas (e.g. ALLOWED_HOSTS=cooperativa.example.org)."
    )
