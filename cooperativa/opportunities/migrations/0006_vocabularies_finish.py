"""Audiences and sectors become translatable vocabularies (step 3 of 3):
every row now has its language, and an opportunity's sector is its row."""

import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

import cooperativa.core.vocabularies


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0005_vocabularies_data")]

    operations = [
        migrations.AlterField(
            model_name="audience",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="audience",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="audience",
            name="position",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Lower numbers come first in the filters.", verbose_name="position"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="audience",
            unique_together={("translation_key", "locale"), ("code", "locale")},
        ),
        migrations.AlterModelOptions(
            name="audience",
            options={
                "ordering": ["position", "name"],
                "verbose_name": "audience",
                "verbose_name_plural": "audiences",
            },
        ),
        migrations.RemoveField(model_name="opportunitypage", name="sector"),
        migrations.RenameField(model_name="opportunitypage", old_name="sector_term", new_name="sector"),
        migrations.AlterField(
            model_name="opportunitypage",
            name="sector",
            field=models.ForeignKey(
                limit_choices_to=cooperativa.core.vocabularies.default_language_only,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="opportunities",
                to="opportunities.sector",
                verbose_name="sector",
            ),
        ),
        migrations.AlterField(
            model_name="opportunitypage",
            name="audiences",
            field=modelcluster.fields.ParentalManyToManyField(
                limit_choices_to=cooperativa.core.vocabularies.default_language_only,
                related_name="opportunities",
                to="opportunities.audience",
                verbose_name="who it is for",
            ),
        ),
        migrations.AlterField(
            model_name="opportunitypage",
            name="area",
            field=models.ForeignKey(
                limit_choices_to=cooperativa.core.vocabularies.default_language_only,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="opportunities",
                to="partners.area",
                verbose_name="area",
            ),
        ),
    ]
