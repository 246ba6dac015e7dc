"""Signing up, verifying, signing in and resetting a password, by email only.

Covers the promises of the accounts front door: mandatory verification,
emails sent through the platform's queue in the visitor's language, rate
limits, no account enumeration and one login page for the site and the admin.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from cooperativa.accounts.models import User
from tests.factories import DEFAULT_TEST_PASSWORD, verified_user

pytestmark = pytest.mark.django_db


NEW_PASSWORD = "a fresh long password 97"


def visible_text(response):
    """The words a person sees in <main>, without tokens that change per request."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<input[^>]*csrfmiddlewaretoken[^>]*>", "", main)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def link_in(message, pattern):
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def sign_up(client, email, capture, password=NEW_PASSWORD):
    with capture(execute=True):
        return client.post(
            reverse("account_signup"),
            {"email": email, "password1": password, "password2": password},
        )


def test_sign_up_verify_by_email_then_signed_in(client, django_capture_on_commit_callbacks):
    response = sign_up(client, "new.person@example.org", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.person@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    # Not signed in until the address is verified.
    assert client.get(reverse("me")).status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert message.subject.startswith("[Cooperativa] ")
    assert "Cooperativa" in message.body
    confirm_url = link_in(message, r"http://testserver/accounts/confirm-email/[^\s]+/")

    page = client.get(confirm_url)
    assert page.status_code == 200
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    profile = client.get(reverse("me"))
    assert profile.status_code == 200
    assert "new.person@example.org" in profile.content.decode()


def test_account_emails_leave_only_after_the_transaction_commits(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            reverse("account_signup"),
            {"email": "later@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [message.to for message in mail.outbox] == [["later@example.org"]]


def test_sign_in_with_email_and_password(client):
    verified_user(email="maria@example.org")

    response = client.post(
        reverse("account_login"),
        {"login": "maria@example.org", "password": DEFAULT_TEST_PASSWORD},
    )

    assert response.status_code == 302
    assert client.get(reverse("me")).status_code == 200


def test_unverified_account_cannot_sign_in_and_gets_a_new_link(
    client, django_capture_on_commit_callbacks
):
    user = verified_user(email="pending@example.org")
    EmailAddress.objects.filter(user=user).update(verified=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_login"),
            {"login": "pending@example.org", "password": DEFAULT_TEST_PASSWORD},
        )

    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("me")).status_code == 302
    assert "confirm-email" in mail.outbox[0].body


def test_wrong_password_is_explained_and_email_kept(client):
    verified_user(email="maria@example.org")

    response = client.post(
        reverse("account_login"), {"login": "maria@example.org", "password": "not it"}
    )

    assert response.status_code == 200
    text = visible_text(response)
    assert "The email address and/or password you specified are not correct." in text
    assert 'value="maria@example.org"' in response.content.decode()


def test_too_many_wrong_passwords_lock_even_the_right_one(client):
    verified_user(email="target@example.org")
    login_url = reverse("account_login")
    for _attempt in range(5):
        client.post(login_url, {"login": "target@example.org", "password": "guess"})

    response = client.post(
        login_url, {"login": "target@example.org", "password": DEFAULT_TEST_PASSWORD}
    )

    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(reverse("me")).status_code == 302


def test_password_reset_does_not_reveal_whether_an_account_exists(
    client, django_capture_on_commit_callbacks
):
    verified_user(email="known@example.org")
    url = reverse("account_reset_password")

    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "known@example.org"})
        unknown = client.post(url, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert visible_text(client.get(known["Location"])) == visible_text(
        client.get(unknown["Location"])
    )
    # Each address learns what applies to it, by email only.
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "/accounts/password/reset/key/" in by_recipient["known@example.org"].body
    assert "/accounts/password/reset/key/" not in by_recipient["nobody@example.org"].body


def test_sign_up_with_a_known_email_looks_the_same_as_with_a_new_one(
    client, django_capture_on_commit_callbacks
):
    verified_user(email="known@example.org")

    known = sign_up(client, "known@example.org", django_capture_on_commit_callbacks)
    known_page = visible_text(client.get(known["Location"]))
    client.logout()
    new = sign_up(client, "brand.new@example.org", django_capture_on_commit_callbacks)
    new_page = visible_text(client.get(new["Location"]))

    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    # Each page repeats the address that was typed, and nothing else differs.
    assert known_page.replace("known@example.org", "ADDRESS") == new_page.replace(
        "brand.new@example.org", "ADDRESS"
    )
    assert User.objects.filter(email="known@example.org").count() == 1
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "already exists" in by_recipient["known@example.org"].body
    assert "confirm-email" in by_recipient["brand.new@example.org"].body


def test_password_reset_by_email_link(client, django_capture_on_commit_callbacks):
    user = verified_user(email="forgetful@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "forgetful@example.org"})
    reset_url = link_in(mail.outbox[0], r"http://testserver/accounts/password/reset/key/[^\s]+/")

    form_page = client.get(reset_url, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_admin_login_goes_to_the_one_login_page_keeping_next(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/pages/"

    page = client.get(response["Location"])
    assert 'name="next" value="/admin/pages/"' in page.content.decode()


def test_admin_pages_send_visitors_to_the_one_login_page(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/pages/" in response["Location"]


def test_wagtail_password_reset_is_off(client):
    assert client.get("/admin/password_reset/").status_code == 404


def test_no_django_admin_is_mounted(client):
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


def test_account_pages_speak_the_language_of_their_address(client):
    # Like every page of the site: the address decides, not the browser.
    italian = client.get("/it/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="it")

    assert "Accedi" in visible_text(italian)
    assert '<html lang="it"' in italian.content.decode()
    assert "Sign In" in visible_text(english)


def test_an_italian_page_leads_to_the_italian_login_and_reset(client):
    """A person reading in Italian stays in Italian through signing in, and the
    login's "Password dimenticata?" leads to the Italian reset page."""
    response = client.get("/it/me/")
    assert response["Location"] == "/it/accounts/login/?next=/it/me/"

    login_page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert "Accedi" in visible_text(login_page)
    assert 'href="/it/accounts/password/reset/"' in login_page.content.decode()
    reset_page = client.get("/it/accounts/password/reset/")
    assert "Reimpostazione password" in visible_text(reset_page)


def test_old_language_cookie_does_not_win_over_the_english_page(client):
    """After choosing Italian then "No preference", the English site's account
    pages are in English again, and the cookie of the old choice is gone."""
    user = verified_user(preferred_language="it")
    client.force_login(user)
    client.cookies["django_language"] = "it"
    response = client.post("/me/", {"display_name": "", "preferred_language": ""})
    assert response.cookies["django_language"].value == ""
    assert response.cookies["django_language"]["max-age"] == 0

    page = client.get(f"{reverse('account_email')}?next=/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Current email" in visible_text(page) or "Email Addresses" in visible_text(page)
    assert '<html lang="en"' in page.content.decode()


def test_verification_email_is_in_the_language_of_the_sign_up_page(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/it/accounts/signup/",
            {"email": "persona@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )

    message = mail.outbox[0]
    assert message.subject == "[Cooperativa] Conferma il tuo indirizzo email"
    assert message.body.startswith("Ciao da Cooperativa!")
    # Its link keeps the language: the confirmation page is Italian too.
    assert "http://testserver/it/accounts/confirm-email/" in message.body


def test_links_in_account_emails_are_in_the_recipients_language(
    client, django_capture_on_commit_callbacks
):
    verified_user(email="lucia@example.org", preferred_language="it")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "lucia@example.org"})

    assert "http://testserver/it/accounts/password/reset/key/" in mail.outbox[0].body


def test_signing_in_applies_the_saved_language(client):
    verified_user(email="lucia@example.org", preferred_language="it")

    response = client.post(
        reverse("account_login"),
        {"login": "lucia@example.org", "password": DEFAULT_TEST_PASSWORD},
    )

    assert response.cookies["django_language"].value == "it"
    # The default destination is the Italian site; the "signed in" message and
    # the account pages (same address in every language) are in Italian too.
    assert response["Location"] == "/it/"
    page = visible_text(client.get(reverse("account_email")))
    assert "Ti sei collegato con successo" in page
    assert "Email attuale" in page


def test_sign_up_form_is_labelled_and_explains_errors(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-email", "password1": NEW_PASSWORD, "password2": "different 1234"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    for field_id in ("id_email", "id_password1", "id_password2"):
        assert f'<label for="{field_id}">' in html
    assert 'value="not-an-email"' in html
    assert 'autocomplete="new-password"' in html
    # The summary links each problem to its field; the field points to its error.
    assert 'href="#id_email"' in html
    assert '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.' in html
    email_input = re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)
    assert 'aria-describedby="id_email_error"' in email_input
    assert 'aria-invalid="true"' in email_input
    password_input = re.search(r'<input[^>]*name="password1"[^>]*>', html).group(0)
    assert 'aria-describedby="id_password1_helptext"' in password_input


def test_changing_email_needs_the_password_and_the_new_address_verified(
    client, django_capture_on_commit_callbacks
):
    user = verified_user(email="old@example.org")
    client.force_login(user)
    email_url = reverse("account_email")

    response = client.post(email_url, {"action_add": "", "email": "new@example.org"})
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    # Once the password is typed again, allauth carries on with the change.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reauthenticate"),
            {"password": DEFAULT_TEST_PASSWORD, "next": email_url},
        )

    user.refresh_from_db()
    assert user.email == "old@example.org"
    message = next(m for m in mail.outbox if m.to == ["new@example.org"])
    confirm_url = link_in(message, r"http://testserver/accounts/confirm-email/[^\s]+/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url)
    user.refresh_from_db()
    assert user.email == "new@example.org"


def test_emails_to_an_account_use_its_preferred_language(
    client, django_capture_on_commit_callbacks
):
    verified_user(email="lucia@example.org", preferred_language="it")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reset_password"),
            {"email": "lucia@example.org"},
            HTTP_ACCEPT_LANGUAGE="en",
        )

    assert mail.outbox[0].body.startswith("Ciao da Cooperativa!")
