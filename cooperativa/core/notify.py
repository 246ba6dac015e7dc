"""``notify()``: the one way the platform's own code writes to people.

Every notification is rendered per recipient, in that person's language (a
user's preferred language, else the language of the request that caused it),
with a plain-text part from ``emails/<template>.txt`` and an HTML part from
``emails/<template>.html`` when that exists, else the text set in the shared
HTML layout. It is handed to the email backend that
``NOTIFICATION_EMAIL_BACKEND`` names, the durable outbox, so it is stored in
the caller's transaction and leaves only after the commit. The base layer
names the outbox by setting, not by import, and knows no feature app.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy

# Links and subjects are worked out when each email is rendered, inside that
# recipient's language, so an Italian reader gets /it/ addresses and an
# Italian subject even when someone else's request sent the email.


def _absolute_url(url_name, *args):
    return settings.SITE_URL + reverse(url_name, args=args)


absolute_url = lazy(_absolute_url, str)
absolute_url.__doc__ = "The full address of a named URL, in the language of each recipient."


def subject(text, **params):
    """A lazy subject line: ``text`` translated and filled in per recipient."""
    return lazy(lambda: str(text) % params, str)()


def recipient_address_and_language(recipient):
    """(email address, language) of a user, or of a plain address, which is
    written to in the current language."""
    if isinstance(recipient, str):
        return recipient, translation.get_language() or settings.LANGUAGE_CODE
    language = getattr(recipient, "preferred_language", "") or settings.LANGUAGE_CODE
    return recipient.email, language


def render_parts(template, context):
    """(text, html) of ``emails/<template>``, in the active language."""
    text = render_to_string(f"emails/{template}.txt", context)
    try:
        html = render_to_string(f"emails/{template}.html", context)
    except TemplateDoesNotExist:
        html = render_to_string("emails/layout.html", {**context, "text": text})
    return text, html


def send(messages):
    """Hand ready-made email messages to the outbox; returns how many it took."""
    if not messages:
        return 0
    return get_connection(settings.NOTIFICATION_EMAIL_BACKEND).send_messages(messages)


def notify(recipients, subject, template, context=None, *, reply_to=(), headers=None):
    """Email each recipient (users or addresses) the notification
    ``template``; ``subject`` may be a lazy string, rendered per recipient.
    ``headers`` are extra message headers (``List-Unsubscribe``, say); lazy
    values are rendered per recipient, like the subject. Returns how many
    messages were queued."""
    messages = []
    for recipient in recipients:
        address, language = recipient_address_and_language(recipient)
        if not address:
            continue
        with translation.override(language):
            full_context = {
                **(context or {}),
                "recipient": recipient,
                "site_url": settings.SITE_URL,
                "language_code": language,
            }
            text, html = render_parts(template, full_context)
            message = EmailMultiAlternatives(
                str(subject),
                text,
                to=[address],
                reply_to=list(reply_to),
                headers={name: str(value) for name, value in (headers or {}).items()},
            )
        message.attach_alternative(html, "text/html")
        messages.append(message)
    return send(messages)
