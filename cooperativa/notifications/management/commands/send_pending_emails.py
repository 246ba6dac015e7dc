"""Send the outbox's due emails in this process, without a broker.

For operators (after an outage, or to see at once what the mail server
says) and for installations without Celery workers, where cron can run it
every few minutes. It follows the same rules as the worker: claims, back-off
and the attempt limit, so it is safe to run while workers are busy too.
"""

from django.core.management.base import BaseCommand

from cooperativa.notifications.email import send_pending


class Command(BaseCommand):
    help = "Send the emails in the outbox that are due now, without a broker."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="Send at most this many emails."
        )

    def handle(self, *args, limit=None, **options):
        outcomes = send_pending(limit=limit)
        self.stdout.write(
            f"Sent {outcomes['sent']}, to be retried {outcomes['retry']}, "
            f"failed {outcomes['failed']}, skipped {outcomes['skipped']}."
        )
