"""Base settings: safe for production as they stand.

Everything that differs between machines comes from an environment variable
with a safe default. dev.py and test.py relax these settings for a laptop and
for the test suite; production.py insists on the variables it cannot guess.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The public address of the site, used in emails, feeds and the admin. No
# default here: dev and test default to the local server, production refuses
# to start without it.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    # Project apps first so their templates and translations take precedence.
    "cooperativa.core",
    "cooperativa.accounts",
    "cooperativa.notifications",
    "cooperativa.opportunities",
    "cooperativa.codesign",
    "cooperativa.participation",
    "cooperativa.search",
    "cooperativa.community",
    "cooperativa.alerts",
    "home",
    "partners",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    # wagtail.users, with user screens for the email-only user model.
    "cooperativa.accounts.users_app.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cooperativa.security_headers.SecurityHeadersMiddleware",
    # Before the session: a cached page costs no session, user or query.
    "cooperativa.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cooperativa.accounts.middleware.AccountLanguageMiddleware",
    "cooperativa.accounts.middleware.TwoFactorRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cooperativa.core.vocabularies.label_cache_middleware",
]

ROOT_URLCONF = "cooperativa.urls"
WSGI_APPLICATION = "cooperativa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several threads at once (runserver,
    # gunicorn's threads): a writer takes the lock when its transaction
    # starts and the others wait their turn for up to 20 s, instead of
    # failing with "database is locked" (a response sent while another is
    # saved must wait, never fail). WAL lets pages be read meanwhile, and
    # with it synchronous=NORMAL syncs at checkpoints instead of at every
    # commit, so a writer holds the lock for less: a commit survives any
    # crash of the site's processes; only a power cut or an operating
    # system crash can take back the last moments' commits (SQLite's
    # documented trade-off, the usual one for WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )

# --- Cache --------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # A shared cache: allauth's rate limits must count across all processes.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cooperativa",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous visitors' pages (cooperativa/core/page_cache.py), kept until what
# they show changes, at most this many seconds. Each process's local-memory
# cache would miss the purges made in the others, so without REDIS_URL it is
# off unless asked for (dev.py turns it on: the development server is one
# process).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if REDIS_URL else "0"))

# --- Accounts -----------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cooperativa] "
ACCOUNT_ADAPTER = "cooperativa.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "cooperativa.accounts.forms.SignupForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Cooperativa"
# Accept the code of the previous and next 30-second window: phone clocks drift.
MFA_TOTP_TOLERANCE = 1
# Everyone who can reach /admin/ must set up an authenticator app first. Only
# a DEBUG (developer) setting can switch this off; production always requires it.
MFA_REQUIRED_FOR_ADMIN = True
# Security notices (password or email changed) go to the account's address.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# A link or an image on any site must not be able to sign a person out: the
# logout page asks, and only its form (a POST) signs out.
ACCOUNT_LOGOUT_ON_GET = False
# Changing the email address, the password or two-factor authentication asks
# for the password again unless it was re-typed in the last five minutes (see
# AccountAdapter for the first authenticator set up right after signing in).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Counted in the shared cache (Redis in production) so that every process
# sees the same attempts. "amount/period/per": per ip (the client's address,
# see TRUSTED_PROXIES), per key (the email address typed) or per signed-in
# user. Per-address limits are generous: a library, a school or a prison
# education room shares one address, and one person there must not lock out
# the others; guessing one account's password is stopped per account.
ACCOUNT_RATE_LIMITS = {
    # Every sign-in form sent, right or wrong: a class signing in together fits.
    "login": "60/m/ip",
    # After 5 wrong passwords for one address, even the right one waits 5
    # minutes. The account's limit comes first: attempts it refuses are not
    # counted against everyone else at the same address.
    "login_failed": "5/5m/key,30/m/ip",
    "signup": "20/m/ip,100/h/ip",
    # Limits the emails one address can be sent, whether or not it has an account.
    "reset_password": "20/m/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    # One verification email per address every three minutes.
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Not allauth's own: invitations an organisation may send (partners.views
    # counts them with allauth's consume(), keyed by the organisation).
    "invite_member": "20/h/key",
    # Not allauth's own: responses to placements and calls (participation.views),
    # per address, generous enough for a probation office or a prison's
    # education room where many people share one address.
    "respond": "30/m/ip,300/h/ip",
}
# The reverse proxies in front of the web processes, as addresses or networks
# (e.g. "127.0.0.1" for a proxy on the same machine, "10.0.0.0/8"). Only
# requests from them have their X-Forwarded-For header read for the client's
# address (cooperativa/accounts/client_address.py); without them the header is
# ignored, and behind an unnamed proxy every visitor would share its address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# --- Internationalisation ----------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("it", _("Italian"))]
# Other languages are added here and in LANGUAGES; Wagtail creates a locale
# for each on the next migrate (see home's locale migration).
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Rome")
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    # Media on S3-compatible object storage; credentials come from the
    # standard AWS_* variables read by boto3.
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Email --------------------------------------------------------------------

# Whoever sends (our code, Wagtail, allauth, Django), mail goes to the
# durable outbox (cooperativa/notifications/backends.py) ...
EMAIL_BACKEND = "cooperativa.notifications.backends.OutboxEmailBackend"
# The platform's own notifications (cooperativa.core.notify) always go to the
# outbox, even where a test runner swaps EMAIL_BACKEND for its in-memory box.
NOTIFICATION_EMAIL_BACKEND = "cooperativa.notifications.backends.OutboxEmailBackend"
# ... and a worker takes it from there through the backend by which mail
# really leaves, which the variable EMAIL_BACKEND names.
OUTBOX_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cooperativa <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work ----------------------------------------------------------

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
# No broker: run tasks inline, so the embedded default needs no Redis.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Handing a task to the broker tries once: kombu would otherwise retry the
# connection for about half a second, inside the request that sent an email.
# Nothing waits on it: an email the broker did not take waits in the outbox
# (notifications/email.py). A worker's own connection keeps retrying
# (CELERY_BROKER_CONNECTION_MAX_RETRIES, which it passes explicitly).
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 0}
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "cooperativa.notifications.tasks.publish_scheduled_pages",
        "schedule": 600.0,
    },
    # The email outbox (cooperativa/notifications/email.py): emails the broker
    # never took, back-offs that are over, claims of workers that died.
    "requeue-pending-emails": {
        "task": "cooperativa.notifications.tasks.requeue_pending_emails",
        "schedule": 60.0,
        # Runs missed while the workers were away are replaced by the next one.
        "options": {"expires": 55},
    },
    # Alerts and the deadline lifecycle (cooperativa/alerts): every run is
    # idempotent, so a late or doubled run sends nothing twice.
    "send-immediate-alerts": {
        "task": "cooperativa.alerts.tasks.send_immediate_alerts",
        "schedule": 300.0,
        "options": {"expires": 290},
    },
    "send-alert-digests": {
        "task": "cooperativa.alerts.tasks.send_alert_digests",
        "schedule": 60 * 60.0,
        "options": {"expires": 55 * 60},
    },
    "send-deadline-notices": {
        "task": "cooperativa.alerts.tasks.send_deadline_notices",
        "schedule": 60 * 60.0,
        "options": {"expires": 55 * 60},
    },
    # Sent emails hold personal data: deleted after OUTBOX_RETENTION_DAYS.
    "purge-sent-emails": {
        "task": "cooperativa.notifications.tasks.purge_sent_emails",
        "schedule": 24 * 60 * 60.0,
    },
    # Responses past their retention period (PARTICIPATION_RETENTION_*).
    "purge-expired-responses": {
        "task": "cooperativa.participation.tasks.purge_expired_responses",
        "schedule": 24 * 60 * 60.0,
    },
    # Opportunities closing or closing soon from today: purge the caches
    # (cooperativa/core/page_cache.py) just after midnight, site time.
    "purge-pages-of-changed-states": {
        "task": "cooperativa.opportunities.tasks.purge_pages_of_changed_states",
        "schedule": crontab(hour=0, minute=1),
    },
}

# --- Participation ------------------------------------------------------------

# Responses to placements and calls are deleted this many months after their
# opportunity closes, and this many days after the person withdraws them
# (the privacy page and every response form state both).
PARTICIPATION_RETENTION_MONTHS = int(os.environ.get("PARTICIPATION_RETENTION_MONTHS", "12"))
PARTICIPATION_WITHDRAWN_RETENTION_DAYS = int(
    os.environ.get("PARTICIPATION_WITHDRAWN_RETENTION_DAYS", "30")
)
# A response form sent sooner than this after it was opened is a robot's.
PARTICIPATION_MIN_FILL_SECONDS = 3

# The hour of the site's day (TIME_ZONE) from which daily and weekly alert
# digests leave.
ALERTS_DIGEST_HOUR = int(os.environ.get("ALERTS_DIGEST_HOUR", "7"))

# Wagtail's own background work (search and reference index updates) runs
# inline, inside the request's transaction handling: a queued backend would
# race the commit and could miss updates.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Cooperativa"
WAGTAILADMIN_LOGIN_URL = "account_login"
# Private pages ("signed-in people only") send visitors to allauth's login too,
# in the language of the page (the URL name is resolved per request).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# Email changes go through allauth, which verifies the new address.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "ods"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# On PostgreSQL each language is indexed and searched with its own text
# search configuration (stemming); SEARCH_CONFIG serves everything else.
# Elsewhere (SQLite) the same backend path falls back to the database backend.
WAGTAILSEARCH_LANGUAGE_CONFIGS = {"en": "english", "it": "italian"}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "cooperativa.search.backends",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "english") if IS_POSTGRES else None,
    }
}

WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 50
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# --- Security -----------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
# Wagtail's preview shows the page in a same-origin frame, so pages may be
# framed by this site and no other; Django's deploy check would prefer DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Django's default, stated: a page opened from this site cannot reach back
# into it through window.opener, nor the other way round.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The language cookie only says "en" or "it", but it is as private as the
# pages it chooses: HTTPS only, never sent by other sites' forms, and no
# script reads it.
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Wagtail would show admin users' avatars from gravatar.com, telling it who
# uses the admin; the admin shows initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None


def url_origin(url):
    """The origin ("https://host:port") of an absolute URL; None for a path."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    return f"{parts.scheme or 'https'}://{parts.netloc}"


def media_origins():
    """Where uploaded images are served from, when it is not this site."""
    origins = [url_origin(MEDIA_URL)]
    if AWS_STORAGE_BUCKET_NAME:
        options = _media_storage["OPTIONS"]
        if options["custom_domain"]:
            origins.append(f"https://{options['custom_domain']}")
        elif options["endpoint_url"]:
            # Path-style ("host/bucket/...") or virtual-hosted ("bucket.host/...").
            endpoint = urlsplit(options["endpoint_url"])
            origins.append(url_origin(options["endpoint_url"]))
            origins.append(f"{endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{endpoint.netloc}")
        else:
            origins.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
            if options["region_name"]:
                origins.append(
                    f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{options['region_name']}.amazonaws.com"
                )
    return [origin for origin in origins if origin]


# --- Community map -------------------------------------------------------------

# The asset map's background tiles ({z}/{x}/{y} URL template) and their
# attribution. OpenStreetMap's standard tiles by default; empty draws the map
# on the vendored outline of Italy's regions only (tests, offline sites).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)


def tile_origins():
    """The tile server's origin, which the map's images come from."""
    parts = urlsplit(MAP_TILE_URL.replace("{s}", "a"))
    if not parts.scheme or not parts.netloc:
        return []
    return [f"{parts.scheme}://{parts.netloc}".replace("://a.", "://*.")]


# Content Security Policy (django-csp): everything comes from this site, no
# inline script or style (CSS lives in static/css/site.css) and nothing from
# a CDN. A nonce is added only where a page asks for one (the 500 page's
# own styles). Pages may be framed by this site only (Wagtail's preview).
_csp_directives = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, NONCE],
    "img-src": [SELF, "data:", *media_origins(), *tile_origins()],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Where browsers report violations (e.g. https://reports.example.org/csp), if anywhere.
if os.environ.get("CSP_REPORT_URI"):
    _csp_directives["report-uri"] = [os.environ["CSP_REPORT_URI"]]
# The Wagtail admin is Wagtail's code, not ours: what it needs on top of the
# site's policy, directive by directive (cooperativa/security_headers.py).
CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "script-src-attr": [NONE],
    "style-src": [SELF, UNSAFE_INLINE],
}
# CSP_REPORT_ONLY=1 sends the same policy as Content-Security-Policy-Report-Only:
# browsers report what it would block and block nothing. For a first
# deployment, or after a change to the policy.
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _csp_directives}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_directives}
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None
# Features no page here uses, switched off for every page and anything it frames.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Logging ------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
