"""The exceptions of dxer. Every one derives from :class:`DxerError`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dxer._dxer import Finding, Report


class DxerError(Exception):
    """Base class of every error raised by dxer (an internal failure is one too, never a panic)."""


class ParseError(DxerError, ValueError):
    """Data that does not parse: a code list, an event, a policy, a record that is not JSON."""


class ValidationError(DxerError, ValueError):
    """A record that is not valid where a valid one is needed (conversions, workflow).

    ``report`` holds every finding.
    """

    report: Report

    def __init__(self, message: str, report: Report) -> None:
        super().__init__(message)
        self.report = report


class ArgumentError(DxerError, TypeError):
    """An argument of the wrong type, or a call with an unknown, missing or extra argument (also a
    ``TypeError``)."""


class ArgumentValueError(DxerError, ValueError):
    """An argument of the right type with a value dxer cannot take: a language it does not have, a code
    it does not know, a string that is not Unicode (also a ``ValueError``)."""


class ArgumentRangeError(ArgumentValueError, OverflowError):
    """A number out of range: negative, or too large for a count or a limit (also an ``OverflowError``)."""


class CalendarError(DxerError, ValueError):
    """A date outside the years with calendar data, or invalid year data."""


class WorkflowError(DxerError):
    """An event that is not allowed, or a deadline that cannot be computed.

    ``finding`` holds the located finding (e.g. code ``DXER-W001``).
    """

    finding: Finding

    def __init__(self, message: str, finding: Finding) -> None:
        super().__init__(message)
        self.finding = finding

    @property
    def code(self) -> str:
        """The finding's code, e.g. ``DXER-W001``."""
        return self.finding.code


class WithheldError(DxerError):
    """An export that the publication policy refuses: the record is not published (not registered or
    amended, or not ``open_data``). ``internal=True`` exports it, for the registry's own use.

    ``reason`` is ``"status"``, ``"not_open_data"``, ``"duplicate"`` or ``"conflict"``.
    """

    record_id: str
    version: int
    reason: str

    def __init__(self, message: str, record_id: str, version: int, reason: str) -> None:
        super().__init__(message)
        self.record_id = record_id
        self.version = version
        self.reason = reason


class PublicationWarning(UserWarning):
    """Records an open-data export (``to_csv``, ``to_jsonl``) left out: not published, or given twice.

    ``withheld`` lists them: ``[{"index", "record_id", "version", "reason", "status"?}]``.
    """

    withheld: list[dict[str, object]]

    def __init__(self, message: str, withheld: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.withheld = withheld
