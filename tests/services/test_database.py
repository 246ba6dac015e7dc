"""The schema on PostgreSQL: every migration applies, and none is missing."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale, Site

from home.models import HomePage

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_every_migration_is_applied_on_postgresql():
    # pytest-django built this database by running the migrations.
    assert connection.vendor == "postgresql"
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert unapplied == [], f"Migrations not applied: {[str(m) for m, _ in unapplied]}"


def test_data_migrations_leave_a_working_site():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "it"}
    home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


def test_models_need_no_new_migration():
    output = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit:
        pytest.fail(f"Models changed without a migration:\n{output.getvalue()}")
