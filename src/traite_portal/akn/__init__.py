"""Akoma Ntoso 3.0: export of the portal's items, safe parsing and import.

One module per concern: ``safety`` (the only place untrusted XML is parsed),
``schema`` (OASIS schema validation), ``iri`` (FRBR IRIs and eIds), the
``export_*`` builders, ``read`` (AKN to plain data) and ``write`` (plain data
to content). docs/akoma-ntoso.md describes the mapping.
"""
