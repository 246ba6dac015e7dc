"""Organisation sign-up and management, mounted at /partners/ before Wagtail's
pages. Only the reserved prefixes join/ and manage/ may be used here: every
other address under /partners/ is a partner's public page."""

urlpatterns = []
