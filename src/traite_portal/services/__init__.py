"""REST services of the portal (plone.restapi), one folder per endpoint."""
