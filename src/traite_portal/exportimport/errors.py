"""Errors of the export and import; their messages are in French."""


class ExportFormatError(ValueError):
    """The export is corrupt, truncated or of another format: nothing imported."""


class ImportFailure(RuntimeError):
    """An item of a valid export could not be imported: nothing imported."""
