"""The portal's defences: who may grant what, what a view may show, limits.

One module per concern; each concern has its own ZCML file (see
``configure.zcml``) and its own section of ``docs/security.md``.
"""
