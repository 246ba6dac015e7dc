"""Events of an organisation's life that other capabilities act on.

Apps above partners (co-design) connect receivers here, so partners never
imports them. Both are sent inside the operation's transaction.
"""

from django.dispatch import Signal

# An organisation was approved, re-provisioned or reinstated: sent with
# ``organisation`` and ``by``.
organisation_approved = Signal()

# An organisation was suspended: sent with ``organisation`` and ``by``.
organisation_suspended = Signal()
