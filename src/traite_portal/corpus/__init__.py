"""The 2010 action plan: parsing the source text and loading it into Plone."""
