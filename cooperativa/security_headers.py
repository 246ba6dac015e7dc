"""Security headers on every response: Content Security Policy and Permissions-Policy.

The site's policy (settings CONTENT_SECURITY_POLICY, or
CONTENT_SECURITY_POLICY_REPORT_ONLY when CSP_REPORT_ONLY is set) allows
nothing inline and nothing from another origin. The Wagtail admin is
Wagtail's own code, which still sets inline styles; under the admin's
address the directives in CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES replace
the site's, one by one, and every other directive stays as strict as on the
public pages.
"""

from functools import cache

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(admin_prefix()):
            # A view's own replacements (csp_replace) still win.
            parts.replace = {
                **settings.CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES,
                **(parts.replace or {}),
            }
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
