"""Plone portal for the legal texts of France's fight against human trafficking."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "traite_portal"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
