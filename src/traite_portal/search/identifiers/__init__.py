"""Identifiers people type (« mesure 7 », ECLI, CELEX, « article L.511-4 »…).

The same keys are written by the catalog indexer (:mod:`.content`) and read
from a query (:mod:`.query`): a query jumps to an item when its key is one the
item carries. A key is ``kind:value``; ``kind:value~`` marks an item that
merely contains the identified thing (a code for one of its articles), used
only when no item carries the key itself.
"""
