"""Console scripts run against a Zope instance (``traite-import``, ``traite-setup``)."""
