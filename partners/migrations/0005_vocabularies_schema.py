"""Areas and asset types become translatable vocabularies (step 1 of 3):
the new columns, nullable until step 2 has filled them."""

import django.db.models.deletion
from django.db import migrations, models

HELP_CODE = (
    "Used in addresses and the API: lower case letters, digits and hyphens. "
    "The same in every language; do not change it once in use."
)


def translatable_columns(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name=model_name,
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
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_moderator_permissions"),
        ("home", "0002_locales_and_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable_columns("area"),
        *translatable_columns("assettype"),
        migrations.AlterField(
            model_name="area",
            name="slug",
            field=models.SlugField(
                help_text="Used in addresses: lower case letters, digits and hyphens. "
                "The same in every language; do not change it once in use.",
                verbose_name="slug",
            ),
        ),
        migrations.AddField(
            model_name="assettype",
            name="name",
            field=models.CharField(default="", max_length=120, verbose_name="label"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="assettype",
            name="position",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Lower numbers come first in the filters.", verbose_name="position"
            ),
        ),
        migrations.AlterField(
            model_name="assettype",
            name="code",
            field=models.SlugField(help_text=HELP_CODE, max_length=40, verbose_name="code"),
        ),
    ]
