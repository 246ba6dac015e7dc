"""Drop the "email me about new opportunities" and newsletter choices.

Nothing sent either email, so the profile promised what the platform did not
do, and kept a choice that meant nothing. Opportunity alerts will ask for
their own consent, saying exactly what they send, when they exist.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_profile_preferences"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="user",
            name="email_newsletter",
        ),
        migrations.RemoveField(
            model_name="user",
            name="email_opportunity_alerts",
        ),
    ]
