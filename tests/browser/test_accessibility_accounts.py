"""axe-core finds nothing serious or critical on the pages behind a sign-in:
allauth's account pages (also with form errors and in Italian), the
participant's /me/ area, the two-factor set-up, the organisation sign-up
and an organisation administrator's management area.

People are signed in by a session made with Django's test client, whose
cookie is handed to the browser: the login form itself is tested on its own,
and a session this way records exactly which authentication methods were
used, so allauth's "confirm your password" step appears only where a test
asks for it.
"""

import pytest

from tests.browser.accessibility import assert_accessible
from tests.browser.helpers import (
    BROWSER_TEST,
    sign_in_by_session,
    submit,
    visit,
    without_browser_checks,
)
from tests.factories import (
    DEFAULT_TEST_PASSWORD,
    AreaFactory,
    OrganisationFactory,
    UserFactory,
    create_approved_organisation,
    create_partner_index,
    totp_code,
    verified_user,
    with_mfa,
)

pytestmark = BROWSER_TEST

PARTICIPANT_EMAIL = "lucia@example.org"
CHANGING_EMAIL = "rosa@example.org"
UNCONFIRMED_EMAIL = "rosa.bianchi@example.org"
ADMIN_EMAIL = "marco@ilponte.example.it"
APPLICANT_EMAIL = "sara@orto.example.it"


@pytest.fixture
def world(transactional_db):
    """An approved cooperative with an administrator (who uses an
    authenticator app), an editor, an invitation, requests to join and a
    group asking to be vouched for; a participant with no organisation; a
    person whose own application is still under review; and one with an
    address waiting for confirmation."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    from partners import services
    from partners.models import Membership, Organisation

    create_partner_index()
    AreaFactory(name="Torino", province="TO", region="Piemonte", slug="torino")
    participant = verified_user(PARTICIPANT_EMAIL, first_name="Lucia", last_name="Ferri")
    admin = verified_user(ADMIN_EMAIL, first_name="Marco", last_name="Rossi")
    with_mfa(admin)
    RecoveryCodes.activate(admin)
    organisation = create_approved_organisation(
        admin, name="Cooperativa Il Ponte", kind=Organisation.Kind.COOPERATIVE_B
    )
    editor = verified_user("anna@ilponte.example.it", first_name="Anna", last_name="Neri")
    editor_membership = Membership.objects.create(
        user=editor, organisation=organisation, role=Membership.Role.EDITOR
    )
    services.invite_member(
        organisation, "paolo@ilponte.example.it", Membership.Role.EDITOR, invited_by=admin
    )
    services.request_to_join(
        organisation,
        verified_user("giorgio@example.org", first_name="Giorgio"),
        "I run the café's Tuesday shift.",
    )
    declined = services.request_to_join(
        organisation, verified_user("elena@example.org", first_name="Elena")
    )
    services.decide_join_request(declined, by=admin, accept=False)
    OrganisationFactory(
        name="Gruppo di mutuo aiuto San Salvario",
        slug="mutuo-aiuto-san-salvario",
        kind=Organisation.Kind.COMMUNITY,
        legal_form=Organisation.LegalForm.INFORMAL,
        status=Organisation.Status.PENDING,
        vouched_by=organisation,
    )

    # Someone who has added a second address and not yet confirmed it.
    changing_address = verified_user(CHANGING_EMAIL, first_name="Rosa")
    EmailAddress.objects.create(
        user=changing_address, email=UNCONFIRMED_EMAIL, primary=False, verified=False
    )

    applicant = verified_user(APPLICANT_EMAIL, first_name="Sara")
    application = services.register_organisation(
        OrganisationFactory.build(
            name="Orto Comune",
            kind=Organisation.Kind.COMMUNITY,
            legal_form=Organisation.LegalForm.ASSOCIATION,
            description="A community garden tended with people on probation.",
            contact_name="Sara Verdi",
            contact_email=APPLICANT_EMAIL,
        ),
        applicant=applicant,
    )
    return {
        "participant": participant,
        "admin": admin,
        "organisation": organisation,
        "editor_membership": editor_membership,
        "applicant": applicant,
        "changing_address": changing_address,
        "application": application,
    }


def assert_language(page, language):
    assert page.locator("html").get_attribute("lang") == language


def assert_shows_errors(page):
    errors = page.locator("main .errorlist, main .error-summary, main [role=alert]")
    assert errors.count() > 0, f"no error message shown on {page.url}"


# --- Signed out ---------------------------------------------------------------

ANONYMOUS_PAGES = {
    "login": ("/accounts/login/", "en"),
    "signup": ("/accounts/signup/", "en"),
    "password reset": ("/accounts/password/reset/", "en"),
    "password reset sent": ("/accounts/password/reset/done/", "en"),
    "password reset with a broken link": ("/accounts/password/reset/key/0-broken/", "en"),
    "email verification sent": ("/accounts/confirm-email/", "en"),
    "partnership charter": ("/partners/join/charter/", "en"),
    # Account pages have an Italian address, where the Italian site links.
    "login in Italian": ("/it/accounts/login/?next=/it/me/", "it"),
    "signup in Italian": ("/it/accounts/signup/?next=/it/", "it"),
    "password reset in Italian": ("/it/accounts/password/reset/?next=/it/", "it"),
    "partnership charter in Italian": ("/it/partners/join/charter/", "it"),
}


@pytest.mark.parametrize("kind", ANONYMOUS_PAGES)
def test_signed_out_page_has_no_serious_accessibility_violations(page, world, kind):
    url, language = ANONYMOUS_PAGES[kind]
    visit(page, url)

    assert_language(page, language)
    assert_accessible(page)


@pytest.mark.parametrize("prefix, language", [("", "en"), ("/it", "it")])
def test_failed_login_has_no_serious_accessibility_violations(page, world, prefix, language):
    visit(page, f"{prefix}/accounts/login/")
    form = "main form:has(input[name=password])"
    page.locator(f"{form} input[name=login]").fill(PARTICIPANT_EMAIL)
    page.locator(f"{form} input[name=password]").fill("not the right password")
    submit(page, form)

    assert "/accounts/login/" in page.url
    assert_language(page, language)
    assert_shows_errors(page)
    assert_accessible(page)


def test_login_with_empty_fields_has_no_serious_accessibility_violations(page, world):
    visit(page, "/accounts/login/")
    submit(page, "main form:has(input[name=password])", validate=False)

    assert_shows_errors(page)
    assert_accessible(page)


@pytest.mark.parametrize("prefix, language", [("", "en"), ("/it", "it")])
def test_signup_with_errors_has_no_serious_accessibility_violations(page, world, prefix, language):
    visit(page, f"{prefix}/accounts/signup/")
    form = "main form:has(input[name=password1])"
    page.locator(f"{form} input[name=email]").fill("nuova@example.org")
    page.locator(f"{form} input[name=password1]").fill("Lavanderia sociale 2026!")
    page.locator(f"{form} input[name=password2]").fill("Lavanderia sociale 2027?")
    submit(page, form)

    assert "/accounts/signup/" in page.url
    assert_language(page, language)
    assert_shows_errors(page)
    assert_accessible(page)


def test_signup_with_empty_and_invalid_fields_has_no_serious_accessibility_violations(page, world):
    visit(page, "/accounts/signup/")
    form = "main form:has(input[name=password1])"
    page.locator(f"{form} input[name=email]").fill("not an address")
    page.locator(f"{form} input[name=password1]").fill("short")
    submit(page, form, validate=False)

    assert_shows_errors(page)
    assert_accessible(page)


def test_password_reset_with_errors_has_no_serious_accessibility_violations(page, world):
    visit(page, "/accounts/password/reset/")
    page.locator("main form input[name=email]").fill("not an address")
    submit(page, "main form:has(input[name=email])", validate=False)

    assert_shows_errors(page)
    assert_accessible(page)


def test_second_step_of_login_has_no_serious_accessibility_violations(page, world):
    visit(page, "/accounts/login/")
    form = "main form:has(input[name=password])"
    page.locator(f"{form} input[name=login]").fill(ADMIN_EMAIL)
    page.locator(f"{form} input[name=password]").fill(DEFAULT_TEST_PASSWORD)
    submit(page, form)

    assert page.url.endswith("/accounts/2fa/authenticate/")
    assert_accessible(page)

    page.locator("main input[name=code]").fill("000000")
    submit(page, "main form:has(input[name=code])")

    assert page.url.endswith("/accounts/2fa/authenticate/")
    assert_shows_errors(page)
    assert_accessible(page)


def test_new_password_from_the_reset_link_has_no_serious_accessibility_violations(page, world):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    participant = world["participant"]
    uid = user_pk_to_url_str(participant)
    visit(
        page,
        f"/accounts/password/reset/key/{uid}-{default_token_generator.make_token(participant)}/",
    )

    assert page.url.endswith(f"/accounts/password/reset/key/{uid}-set-password/")
    assert_accessible(page)

    form = "main form:has(input[name=password1])"
    page.locator(f"{form} input[name=password1]").fill("Lavanderia sociale 2026!")
    page.locator(f"{form} input[name=password2]").fill("Lavanderia sociale 2027?")
    submit(page, form)
    assert_shows_errors(page)
    assert_accessible(page)

    page.locator(f"{form} input[name=password1]").fill("Lavanderia sociale 2026!")
    page.locator(f"{form} input[name=password2]").fill("Lavanderia sociale 2026!")
    submit(page, form)
    assert page.url.endswith("/accounts/password/reset/key/done/")
    assert_accessible(page)


def test_email_confirmation_link_has_no_serious_accessibility_violations(page, world):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    address = EmailAddress.objects.get(email=UNCONFIRMED_EMAIL)
    visit(page, f"/accounts/confirm-email/{EmailConfirmationHMAC(address).key}/")

    assert page.get_by_text(UNCONFIRMED_EMAIL).count() >= 1
    assert_accessible(page)

    visit(page, "/accounts/confirm-email/not-a-key/")
    assert_accessible(page)


# --- A signed-in participant ----------------------------------------------------

PARTICIPANT_PAGES = {
    "profile": ("/me/", "en"),
    "profile in Italian": ("/it/me/", "it"),
    "delete account": ("/me/delete/", "en"),
    "delete account in Italian": ("/it/me/delete/", "it"),
    "email addresses": ("/accounts/email/", "en"),
    "change password": ("/accounts/password/change/", "en"),
    "two-factor authentication": ("/accounts/2fa/", "en"),
    "authenticator app set-up": ("/accounts/2fa/totp/activate/", "en"),
    "sign out": ("/accounts/logout/", "en"),
    "register an organisation": ("/partners/join/", "en"),
    "register an organisation in Italian": ("/it/partners/join/", "it"),
    "join an organisation": ("/partners/join/member/", "en"),
    "join an organisation in Italian": ("/it/partners/join/member/", "it"),
    "partnership charter": ("/partners/join/charter/", "en"),
    "your organisations, none yet": ("/partners/manage/", "en"),
}


@pytest.mark.parametrize("kind", PARTICIPANT_PAGES)
def test_participant_page_has_no_serious_accessibility_violations(page, live_server, world, kind):
    url, language = PARTICIPANT_PAGES[kind]
    sign_in_by_session(page, live_server, world["participant"])
    visit(page, url)

    assert page.url.endswith(url), f"{url} sent the participant to {page.url}"
    assert_language(page, language)
    assert_accessible(page)


def test_account_pages_speak_the_participants_language(page, live_server, world):
    participant = world["participant"]
    participant.preferred_language = "it"
    participant.save(update_fields=["preferred_language"])
    sign_in_by_session(page, live_server, participant)

    # Signing in leads to the Italian site, whose links are the Italian addresses.
    for url in ("/it/accounts/email/", "/it/accounts/password/change/", "/it/accounts/2fa/"):
        visit(page, url)
        assert_language(page, "it")
        assert_accessible(page)


def test_download_of_own_data_answers(page, live_server, world):
    sign_in_by_session(page, live_server, world["participant"])

    response = page.request.get("/me/data/")

    assert response.status == 200
    assert response.headers["content-type"].startswith("application/json")
    assert PARTICIPANT_EMAIL in response.text()


@pytest.mark.parametrize("url", ["/me/data/", "/me/delete/"])
def test_password_confirmation_has_no_serious_accessibility_violations(
    page, live_server, world, url
):
    sign_in_by_session(page, live_server, world["participant"], recently=False)
    visit(page, url)

    assert "/accounts/reauthenticate/" in page.url
    assert_accessible(page)

    page.locator("main input[name=password]").fill("not the right password")
    submit(page, "main form:has(input[name=password])")

    assert_shows_errors(page)
    assert_accessible(page)


def test_authenticator_set_up_to_recovery_codes_has_no_serious_accessibility_violations(
    page, live_server, world
):
    sign_in_by_session(page, live_server, world["participant"])
    visit(page, "/accounts/2fa/totp/activate/?next=/me/")
    secret = page.locator("main #authenticator_secret").input_value()
    page.locator("main input[name=code]").fill(totp_code(secret))
    submit(page, "main form:has(input[name=code])")

    assert page.url.endswith("/accounts/2fa/recovery-codes/")
    assert page.get_by_role("link", name="I have saved my codes: continue").count() == 1
    assert_accessible(page)

    visit(page, "/accounts/2fa/")
    assert_accessible(page)


@pytest.mark.parametrize("url", ["/partners/join/", "/partners/join/member/"])
def test_sign_up_page_for_an_unconfirmed_address_has_no_serious_accessibility_violations(
    page, live_server, world, url
):
    sign_in_by_session(page, live_server, UserFactory(email="nuovo@example.org"))
    visit(page, url, status=403)

    assert_accessible(page)


def test_email_page_with_an_unconfirmed_address_has_no_serious_accessibility_violations(
    page, live_server, world
):
    sign_in_by_session(page, live_server, world["changing_address"])
    visit(page, "/accounts/email/")

    assert page.locator("main input#new_email").input_value() == UNCONFIRMED_EMAIL
    assert_accessible(page)


# Forms of the participant's pages sent with mistakes: (address, the form,
# how to fill it in).
PARTICIPANT_FORM_ERRORS = {
    "register an organisation, empty": ("/partners/join/", "main form[method=post]", {}),
    "register an organisation in Italian, empty": (
        "/it/partners/join/",
        "main form[method=post]",
        {},
    ),
    "join an organisation, empty": ("/partners/join/member/", "main form[method=post]", {}),
    "profile, display name too long": (
        "/me/",
        "main form:has(select[name=preferred_language])",
        {"input[name=display_name]": "Lucia " * 100},
    ),
    "delete account, unconfirmed": ("/me/delete/", "main form[method=post]", {}),
    "add an email address, not an address": (
        "/accounts/email/",
        "main form:has(input[name=email])",
        {"input[name=email]": "not an address"},
    ),
    "change password, wrong current password": (
        "/accounts/password/change/",
        "main form:has(input[name=oldpassword])",
        {
            "input[name=oldpassword]": "not the right password",
            "input[name=password1]": "Lavanderia sociale 2026!",
            "input[name=password2]": "Lavanderia sociale 2027?",
        },
    ),
    "authenticator app set-up, wrong code": (
        "/accounts/2fa/totp/activate/",
        "main form:has(input[name=code])",
        {"input[name=code]": "000000"},
    ),
}


@pytest.mark.parametrize("kind", PARTICIPANT_FORM_ERRORS)
def test_participant_form_with_errors_has_no_serious_accessibility_violations(
    page, live_server, world, kind
):
    url, form, values = PARTICIPANT_FORM_ERRORS[kind]
    sign_in_by_session(page, live_server, world["participant"])
    visit(page, url)
    without_browser_checks(page, form)
    for field, value in values.items():
        page.locator(form).locator(field).fill(value)
    submit(page, form)

    assert_shows_errors(page)
    assert_accessible(page)


def test_applicant_pages_have_no_serious_accessibility_violations(page, live_server, world):
    slug = world["application"].slug
    sign_in_by_session(page, live_server, world["applicant"])

    for url in (
        f"/partners/join/submitted/{slug}/",
        "/partners/manage/",
        f"/partners/manage/{slug}/",
        f"/partners/manage/{slug}/details/",
        f"/it/partners/manage/{slug}/details/",
    ):
        visit(page, url)
        assert_accessible(page)

    page.locator("main form[method=post] input[name=name]").fill("")
    submit(page, "main form[method=post]", validate=False)
    assert_shows_errors(page)
    assert_accessible(page)


def test_invitation_pages_have_no_serious_accessibility_violations(page, live_server, world):
    from partners import services
    from partners.models import Invitation

    invitation = Invitation.objects.get(email="paolo@ilponte.example.it")
    token = services.invitation_token(invitation)
    # Signed in with another address than the one invited: the page explains.
    sign_in_by_session(page, live_server, world["participant"])

    visit(page, f"/partners/join/invitation/{token}/")
    assert_accessible(page)

    submit(page, "main form[method=post]")
    assert_accessible(page)

    visit(page, "/partners/join/invitation/not-a-token/", status=410)
    assert_accessible(page)


# --- An organisation's administrator --------------------------------------------


def _org(world):
    return world["organisation"].slug


MANAGE_PAGES = {
    "your organisations": lambda world: "/partners/manage/",
    "overview": lambda world: f"/partners/manage/{_org(world)}/",
    "overview in Italian": lambda world: f"/it/partners/manage/{_org(world)}/",
    "details": lambda world: f"/partners/manage/{_org(world)}/details/",
    "details in Italian": lambda world: f"/it/partners/manage/{_org(world)}/details/",
    "members and invitations": lambda world: f"/partners/manage/{_org(world)}/members/",
    "members and invitations in Italian": (
        lambda world: f"/it/partners/manage/{_org(world)}/members/"
    ),
    "invite someone": lambda world: f"/partners/manage/{_org(world)}/members/invite/",
    "remove a member": lambda world: (
        f"/partners/manage/{_org(world)}/members/{world['editor_membership'].pk}/remove/"
    ),
    "requests to join": lambda world: f"/partners/manage/{_org(world)}/requests/",
    "vouching": lambda world: f"/partners/manage/{_org(world)}/vouching/",
    "vouching in Italian": lambda world: f"/it/partners/manage/{_org(world)}/vouching/",
    "two-factor authentication, active": lambda world: "/accounts/2fa/",
    "recovery codes": lambda world: "/accounts/2fa/recovery-codes/",
    "turn off the authenticator app": lambda world: "/accounts/2fa/totp/deactivate/",
    "confirm with a code": lambda world: "/accounts/2fa/reauthenticate/",
    "profile with an authenticator app": lambda world: "/me/",
}


@pytest.mark.parametrize("kind", MANAGE_PAGES)
def test_organisation_admin_page_has_no_serious_accessibility_violations(
    page, live_server, world, kind
):
    url = MANAGE_PAGES[kind](world)
    sign_in_by_session(page, live_server, world["admin"], mfa=True)
    visit(page, url)

    assert page.url.endswith(url), f"{url} sent the administrator to {page.url}"
    assert_accessible(page)


def test_organisation_admin_forms_with_errors_have_no_serious_accessibility_violations(
    page, live_server, world
):
    slug = _org(world)
    sign_in_by_session(page, live_server, world["admin"], mfa=True)

    # An invitation to someone already in the organisation.
    visit(page, f"/partners/manage/{slug}/members/invite/")
    page.locator("main form[method=post] input[name=email]").fill("anna@ilponte.example.it")
    submit(page, "main form[method=post]")
    assert_shows_errors(page)
    assert_accessible(page)

    # The organisation's details with the required ones left empty.
    visit(page, f"/partners/manage/{slug}/details/")
    page.locator("main form[method=post] textarea[name=description]").fill("")
    page.locator("main form[method=post] input[name=contact_email]").fill("not an address")
    submit(page, "main form[method=post]", validate=False)
    assert_shows_errors(page)
    assert_accessible(page)

    # The last administrator cannot remove themselves: the page says why.
    own = world["organisation"].memberships.get(user=world["admin"])
    visit(page, f"/partners/manage/{slug}/members/{own.pk}/remove/")
    submit(page, "main form[method=post]")
    assert_shows_errors(page)
    assert_accessible(page)


def test_messages_after_managing_members_have_no_serious_accessibility_violations(
    page, live_server, world
):
    """The confirmation shown after an action is part of the page too."""
    slug = _org(world)
    sign_in_by_session(page, live_server, world["admin"], mfa=True)
    visit(page, f"/partners/manage/{slug}/members/invite/")
    page.locator("main form[method=post] input[name=email]").fill("chiara@example.org")
    submit(page, "main form[method=post]")

    assert page.url.endswith(f"/partners/manage/{slug}/members/")
    assert page.get_by_text("Invitation sent to chiara@example.org").count() == 1
    assert_accessible(page)
