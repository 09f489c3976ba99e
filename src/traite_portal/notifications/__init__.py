"""E-mail notifications sent by content rules (profiles/default/contentrules.xml).

- ``events``: the "measure overdue" event, a content rules trigger;
- ``recipients``: who is told (coordinators, a proposal's authors, ministries);
- ``substitutions``: the ``${…}`` variables the rules' mail actions use;
- ``overdue``: finds overdue measures and fires the event, once a month each.
"""
