"""Delete the responses past their retention period: the daily beat job's
work, for the embedded default (no beat) to run from cron or by hand."""

from django.core.management.base import BaseCommand

from cooperativa.participation import services


class Command(BaseCommand):
    help = "Delete responses to placements and calls past their retention period."

    def handle(self, *args, **options):
        count = services.purge_expired()
        self.stdout.write(f"Deleted {count} expired response(s).")
