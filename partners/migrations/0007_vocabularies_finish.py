"""Areas and asset types become translatable vocabularies (step 3 of 3):
every row now has its language; codes and slugs are unique per language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import cooperativa.core.vocabularies


def required_translatable_columns(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("partners", "0006_vocabularies_data")]

    operations = [
        *required_translatable_columns("area"),
        *required_translatable_columns("assettype"),
        migrations.AlterUniqueTogether(
            name="area", unique_together={("translation_key", "locale"), ("slug", "locale")}
        ),
        migrations.AlterUniqueTogether(
            name="assettype", unique_together={("translation_key", "locale"), ("code", "locale")}
        ),
        migrations.AlterModelOptions(
            name="assettype",
            options={
                "ordering": ["position", "name"],
                "verbose_name": "asset type",
                "verbose_name_plural": "asset types",
            },
        ),
        migrations.AlterField(
            model_name="organisation",
            name="areas",
            field=models.ManyToManyField(
                blank=True,
                limit_choices_to=cooperativa.core.vocabularies.default_language_only,
                related_name="organisations",
                to="partners.area",
                verbose_name="areas served",
            ),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="assets",
            field=models.ManyToManyField(
                blank=True,
                limit_choices_to=cooperativa.core.vocabularies.default_language_only,
                related_name="organisations",
                to="partners.assettype",
                verbose_name="assets offered",
            ),
        ),
    ]
