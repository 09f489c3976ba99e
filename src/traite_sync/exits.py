"""Exit statuses of traite-sync, and the error that carries one.

One table, read by the command, its tests and docs/sync.md (« Codes de
sortie »): a script that runs traite-sync can tell a network outage (try
again later) from refused credentials (fix the configuration).
"""

from enum import IntEnum


class Exit(IntEnum):
    """What a run of traite-sync ended with."""

    OK = 0
    USAGE = 2
    UNREACHABLE = 3
    AUTH = 4
    PORTAL = 5
    LOCAL = 6
    INTERRUPTED = 130


MEANINGS = {
    Exit.OK: "le miroir est à jour",
    Exit.USAGE: "options invalides, ou répertoire qui n'est pas le miroir de ce "
    "portail avec ces options (relancez avec --full pour changer)",
    Exit.UNREACHABLE: "portail injoignable (réseau, nom, délai dépassé) après les "
    "nouvelles tentatives : réessayez plus tard",
    Exit.AUTH: "identifiants ou jeton refusés par le portail",
    Exit.PORTAL: "le portail a répondu par une erreur (dossier introuvable, accès "
    "refusé, erreur du serveur, réponse inattendue)",
    Exit.LOCAL: "répertoire local inutilisable (droits, disque plein) ou déjà "
    "utilisé par un autre traite-sync",
    Exit.INTERRUPTED: "interrompu (Ctrl-C) : relancez la même commande pour reprendre",
}


class SyncError(Exception):
    """A failure the command reports in French and exits with ``status``."""

    def __init__(self, status: Exit, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
