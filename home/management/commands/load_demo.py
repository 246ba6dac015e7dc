"""Load the demo site: partners, placements, calls and projects in English
and Italian, with illustrations, menus and a local admin account.

The content is data (home/demo/data/*.yaml, home/demo/images/) read by
home/demo/loader.py. Safe to run on every start (``make run`` does): it adds
only what is missing, and never changes or deletes existing content. The
``--scale N`` adds generated opportunities until there are N
(home/demo/generated.py), as ``make bench`` does, with a progress bar.
"""

import contextlib
import io
import logging
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "cooperativa-demo"  # noqa: S105 - a published local-only demo password
# Wagtail and django-tasks log every page created and every index task at
# INFO: hundreds of lines that would bury the summary.
NOISY_LOGGERS = ("wagtail", "django_tasks")


@contextlib.contextmanager
def quiet(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


class Command(BaseCommand):
    help = "Create the demo site in English and Italian (idempotent: adds only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help=f"Create the {ADMIN_EMAIL} superuser even when DEBUG is off.",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also generate opportunities until there are N of them (for measuring speed).",
        )
        parser.add_argument(
            "--reindex",
            action="store_true",
            help="Rebuild the search and reference indexes even if nothing was added.",
        )

    def handle(self, *args, verbosity=1, **options):
        if verbosity >= 2:
            return self._handle(verbosity=verbosity, **options)
        with quiet(NOISY_LOGGERS):
            return self._handle(verbosity=verbosity, **options)

    def _handle(self, *, with_admin=False, reindex=False, scale=0, verbosity=1, **options):
        from home.demo.loader import DemoError, DemoLoader, indexing_deferred, steps

        self.verbosity = verbosity
        started = time.monotonic()
        # A progress bar for a person at a terminal; none in tests, logs or
        # pipes, nor with --verbosity 0.
        bar = tqdm(
            total=steps(),
            desc="Demo content",
            unit="step",
            leave=False,
            disable=verbosity == 0 or not sys.stderr.isatty(),
        )
        with bar, indexing_deferred():
            try:
                created = DemoLoader(progress=bar).load()
            except DemoError as error:
                raise CommandError(str(error)) from error
        for label, count in sorted(created.items()):
            self.say(f"  {label}: {count} added")
        if not created:
            self.say("Demo content is already there: nothing added.")
        self.say(f"Demo content checked in {time.monotonic() - started:.1f} s.")

        admin_message = self._admin(with_admin)

        if created or reindex:
            step = time.monotonic()
            call_command("update_index", verbosity=0)
            self.say(f"Search index rebuilt in {time.monotonic() - step:.1f} s.")
            step = time.monotonic()
            call_command("rebuild_references_index", verbosity=0)
            self.say(f"Reference index rebuilt in {time.monotonic() - step:.1f} s.")

        if scale:
            from home.demo.generated import load

            # Search and reference indexes in one bulk pass at the end.
            silent = contextlib.redirect_stdout(io.StringIO())
            with contextlib.nullcontext() if verbosity else silent:
                load(scale)

        self.say(f"Done in {time.monotonic() - started:.1f} s.")
        if admin_message:
            self.stdout.write(admin_message)

    def say(self, message):
        if self.verbosity:
            self.stdout.write(message)

    def _admin(self, with_admin):
        """The local admin account: only on a development machine, or when
        asked for explicitly, since its password is public."""
        from allauth.account.models import EmailAddress
        from django.contrib.auth import get_user_model

        if not (settings.DEBUG or with_admin):
            self.stderr.write(
                self.style.WARNING(
                    f"DEBUG is off: not creating the demo admin account {ADMIN_EMAIL}, whose "
                    "password is public. Use --with-admin to create it anyway."
                )
            )
            return ""
        user_model = get_user_model()
        user = user_model.objects.filter(email__iexact=ADMIN_EMAIL).first()
        if user is None:
            user = user_model.objects.create_superuser(
                email=ADMIN_EMAIL, password=ADMIN_PASSWORD, display_name="Admin"
            )
            password_note = ADMIN_PASSWORD
        else:
            # Never reset a password someone may have changed.
            password_note = f"{ADMIN_PASSWORD} (unless you have changed it)"
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        return self.style.SUCCESS(
            "\nDemo admin account (for this machine only):\n"
            f"  email:    {ADMIN_EMAIL}\n"
            f"  password: {password_note}\n"
            "  sign in at /accounts/login/, then open /admin/\n"
        )
