"""traite-sync: mirror a portal (or a folder, or some types) into a local directory.

A REST client of the portal's ``@changes`` feed. It imports only the standard
library, requests/urllib3 and tqdm, never Zope or Plone, so that it can be
installed on a client's machine (docs/sync.md, « The sync client »).
"""
