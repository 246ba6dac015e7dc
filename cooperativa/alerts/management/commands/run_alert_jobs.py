"""Run the alert and deadline jobs in this process, without a broker: for
the embedded default, cron on installations without beat, and operators.
The same idempotent functions as beat's tasks, so running it while beat is
busy, or twice, sends nothing twice."""

from django.core.management.base import BaseCommand, CommandError

from cooperativa.alerts import lifecycle, services
from cooperativa.alerts.models import Alert

JOBS = ("immediate", "digests", "deadlines")


class Command(BaseCommand):
    help = "Send due alerts, digests, deadline reminders and closing summaries now."

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", help=f"Some of {', '.join(JOBS)} (default: all).")

    def handle(self, *args, jobs=(), **options):
        unknown = sorted(set(jobs) - set(JOBS))
        if unknown:
            raise CommandError(
                f"Unknown job(s): {', '.join(unknown)}. Choose from {', '.join(JOBS)}."
            )
        for job in jobs or JOBS:
            if job == "immediate":
                result = services.send_digests(Alert.Frequency.IMMEDIATE)
            elif job == "digests":
                result = services.run_digests()
            else:
                result = lifecycle.run_deadlines()
            self.stdout.write(f"{job}: {result}")
