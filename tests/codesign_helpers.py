"""Shared set-up for the co-design tests: three organisations, a project of
the first naming the other two, the people of each, and ways to drive the
page editor and the workflow as the admin does."""

from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cooperativa.codesign import services
from cooperativa.codesign.models import Partnership
from cooperativa.notifications.models import OutboxEmail
from cooperativa.opportunities.models import Audience, ProjectPage
from partners.models import PartnerPage
from tests.factories import (
    add_member,
    create_approved_organisation,
    create_project,
    moderator,
    terms,
    verified_user,
)
from tests.helpers import sign_in_with_mfa


class World:
    """Orto Comune leads a project and names Parrocchia San Paolo and
    Comitato Dora; each has an administrator and an editor. Plus a
    moderator, a member of the lived-experience panel and an organisation
    with nothing to do with the project."""

    def __init__(self):
        self.lead_admin = verified_user("anna@orto.example.org")
        self.lead = create_approved_organisation(self.lead_admin, name="Orto Comune")
        self.lead_editor = add_member(self.lead, verified_user("luca@orto.example.org"))
        self.partner_admin = verified_user("paola@parrocchia.example.org")
        self.partner = create_approved_organisation(self.partner_admin, name="Parrocchia San Paolo")
        self.partner_editor = add_member(
            self.partner, verified_user("piero@parrocchia.example.org", preferred_language="it")
        )
        self.decliner_admin = verified_user("dario@comitato.example.org")
        self.decliner = create_approved_organisation(self.decliner_admin, name="Comitato Dora")
        self.decliner_editor = add_member(self.decliner, verified_user("dora@comitato.example.org"))
        self.outsider_admin = verified_user("olga@altro.example.org")
        self.outsider = create_approved_organisation(self.outsider_admin, name="Altro Ente")
        self.moderator = moderator("mara@cooperativa.example.org")
        self.panel_member = verified_user("pino@panel.example.org")
        self.panel_member.groups.add(Group.objects.get(name="Lived-experience panel"))
        self.lead_page = PartnerPage.objects.get(organisation=self.lead, locale__language_code="en")
        self.project = create_project(
            parent=self.lead_page, title="Community garden", stage=ProjectPage.Stage.IDEA
        )
        self.project.owner = self.lead_editor
        self.project.save(update_fields=["owner"])

    def name_partners(self):
        """The lead names both partners and saves, as in the editor."""
        self.project.partner_organisations.set([self.partner, self.decliner])
        self.project.save_revision(user=self.lead_editor)
        return services.ask_named_partners(self.project, by=self.lead_editor)

    def partnership(self, organisation):
        return Partnership.objects.get(organisation=organisation)

    def fresh(self):
        return Page.objects.get(pk=self.project.pk).specific


def client_for(client, user):
    return sign_in_with_mfa(client, user) if user is not None else client


def project_post(page, **fields):
    """What the editor sends for ``page`` (a ProjectPage), with ``fields`` changed."""
    page = page.get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "commitment": page.commitment,
        "sector": page.sector_id,
        "area": page.area_id,
        "image_alt": "",
        "stage": page.stage,
        "stage_changes": inline_formset(
            [
                {"date": change.date.isoformat(), "stage": change.stage, "note": change.note}
                for change in page.timeline()
            ]
        ),
        "place": page.place,
        "goals": rich_text(page.goals),
        "outcomes": rich_text(page.outcomes or ""),
        "updates": inline_formset([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
        "search_description": "",
        "seo_title": "",
    }
    data.update(fields)
    form = nested_form_data(data)
    form["audiences"] = [audience.pk for audience in page.audiences.all()] or [
        audience.pk for audience in terms(Audience, ["anyone"])
    ]
    form["partner_organisations"] = [org.pk for org in page.partner_organisations.all()]
    return form


def edit(client, page, **fields):
    return client.post(f"/admin/pages/{page.pk}/edit/", project_post(page, **fields))


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


def emails():
    """(recipient, subject) of every email queued since the last call, then
    forget them: the platform's (in the outbox) and Wagtail's own moderation
    emails (which the test settings hand straight to the in-memory box)."""
    from django.core import mail

    sent = [
        (recipient, row.subject)
        for row in OutboxEmail.objects.order_by("pk")
        for recipient in row.recipients
    ] + [(recipient, message.subject) for message in mail.outbox for recipient in message.to]
    OutboxEmail.objects.all().delete()
    mail.outbox.clear()
    return sorted(sent)
