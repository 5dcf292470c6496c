"""The admin area (its page: intake.ui.admin.page). Empty on purpose: the sign-in dialog
uses this package's small forms module, and importing the package must not load every
admin tab (the audit viewer, merges, the FHIR export) for everyone who signs in."""
