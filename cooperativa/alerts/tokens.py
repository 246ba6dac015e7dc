"""The signed links of alert emails. Each names one alert by its id and its
random token, so a link works without signing in, for that alert only, and
never for a later alert that reuses a deleted one's id."""

import datetime

from django.core import signing

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
EXTEND_SALT = "alerts.extend"
# A confirmation link is for now; an unsubscribe link must work in an old email.
CONFIRM_MAX_AGE = datetime.timedelta(days=7)


def alert_token(alert, salt):
    return signing.dumps([alert.pk, alert.token.hex], salt=salt, compress=True)


def read_alert_token(token, salt, max_age=None):
    """(alert id, token hex) or None when the link is forged or too old."""
    try:
        alert_id, token_hex = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return alert_id, token_hex


def extension_token(notice, user):
    """One member's link to extend one opportunity's closing date."""
    return signing.dumps([notice.pk, user.pk], salt=EXTEND_SALT, compress=True)


def read_extension_token(token):
    try:
        notice_id, user_id = signing.loads(token, salt=EXTEND_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return notice_id, user_id
