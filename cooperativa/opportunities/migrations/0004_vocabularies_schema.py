"""Audiences and sectors become translatable vocabularies (step 1 of 3):
the new columns, nullable until step 2 has filled them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models



class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0003_audiences"),
        ("home", "0002_locales_and_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="Sector",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=120, verbose_name="label")),
                (
                    "code",
                    models.SlugField(
                        help_text="Used in addresses and the API: lower case letters, digits and hyphens. The same in every language; do not change it once in use.",
                        max_length=40,
                        verbose_name="code",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Lower numbers come first in the filters.", verbose_name="position"
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "sector",
                "verbose_name_plural": "sectors",
                "ordering": ["position", "name"],
                "abstract": False,
                "unique_together": {("translation_key", "locale"), ("code", "locale")},
            },
        ),
        migrations.AddField(
            model_name="audience",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="audience",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="audience",
            name="name",
            field=models.CharField(default="", max_length=120, verbose_name="label"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="audience",
            name="code",
            field=models.SlugField(
                help_text="Used in addresses and the API: lower case letters, digits and hyphens. The same in every language; do not change it once in use.",
                max_length=40,
                verbose_name="code",
            ),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="sector_term",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="opportunities.sector",
            ),
        ),
    ]
