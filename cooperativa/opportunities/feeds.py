"""RSS and Atom feeds per hub, and an iCal feed of deadlines and events."""

urlpatterns = []
