"""Types of the values dxer takes and returns, for annotations (``from dxer.types import Severity``)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Union

if TYPE_CHECKING:
    from dxer._dxer import Finding, RegistryFinding, Report

Severity = Literal["error", "warning", "info"]
"""How serious a finding is; only ``error`` blocks submission."""

Lang = Literal["az", "en", "ru"]
"""Language of messages."""

RuleLevel = Literal["error", "warning", "info", "off"]
"""A rule's level in ``rule_levels=``."""

DocumentKind = Literal["auto", "record", "reglament"]
"""What a document is validated as (``kind=``)."""

RecordStatus = Literal[
    "draft",
    "submitted",
    "under_review",
    "returned",
    "resubmitted",
    "registered",
    "amended",
    "suspended",
    "terminated",
    "archived",
]
"""State of a record in the registry workflow."""

JSON = Any
"""A JSON value as Python data: dict, list, str, int, float, bool or None."""

RecordInput = Union[dict[str, Any], str, bytes, bytearray, memoryview]
"""A record: a dict (as from ``json.load``), JSON text, or JSON bytes (checked to be UTF-8)."""


class Messages(TypedDict):
    """A message in Azerbaijani, English and Russian."""

    az: str
    en: str
    ru: str


class Period(TypedDict):
    """A period of a :class:`dxer.Policy`."""

    value: int
    unit: Literal["working_days", "calendar_days", "months"]


class DayOffReason(TypedDict):
    """Why a day is off (or worked)."""

    code: str
    holidays: list[str]
    related_date: datetime.date | None
    az: str
    en: str
    ru: str
    source: dict[str, Any] | None
    confidence: Literal["verified", "unverified"] | None


class Day(TypedDict):
    """A day off (or an extra working day) with its reasons."""

    date: datetime.date
    reasons: list[DayOffReason]


class Holiday(TypedDict):
    """A named holiday on a date."""

    date: datetime.date
    id: str
    az: str
    en: str
    ru: str
    working_day: bool
    source: dict[str, Any] | None
    confidence: Literal["verified", "unverified"] | None


class Change(TypedDict):
    """One changed field (``old`` is None for an added field, ``new`` for a removed one)."""

    pointer: str
    old: JSON
    new: JSON


class Amendment(TypedDict):
    """What ``amend`` returns: the previous version closed, the new version and what changed."""

    previous: dict[str, Any]
    record: dict[str, Any]
    changes: list[Change]


class DutyDict(TypedDict):
    """:meth:`dxer.Duty.to_dict`."""

    kind: Literal["submission", "review", "fix"]
    owner: Literal["provider", "operator"]
    from_date: datetime.date
    due: datetime.date
    pointer: str


class LoadSummary(TypedDict):
    """What one load added to a :class:`dxer.Registry`."""

    items: int
    indexed: int
    problems: int


class LoadProblem(TypedDict):
    """An item that did not load cleanly (not indexed, or indexed with errors)."""

    source: str | None
    line: int | None
    bytes: tuple[int, int] | None
    """(start, end) byte offsets of the item in its text; None for records given as values."""
    index: int
    record_id: str | None
    version: int | None
    indexed: bool
    findings: list[Finding]


class RegistryEntry(TypedDict):
    """An indexed record with where it came from and its own report."""

    record: dict[str, Any]
    source: str | None
    line: int | None
    bytes: tuple[int, int] | None
    """(start, end) byte offsets of the record in its text; None for records given as values."""
    index: int
    report: Report


class CardProblem(TypedDict):
    """A problem of an information-system registration card."""

    index: int | None
    code: str | None
    finding: Finding


class SystemDutyDict(TypedDict):
    """A duty of an information system (:func:`dxer.system_duties`)."""

    kind: Literal["card_application", "ehis_supply"]
    system: str
    owner: str
    from_date: datetime.date
    due: datetime.date
    pointer: str
    done: bool
    done_on: datetime.date | None


class SystemDutyStatusDict(SystemDutyDict):
    """A duty of an information system and how it stands on a day (:func:`dxer.system_status_at`)."""

    standing: Literal["on_time", "due_soon", "overdue", "done", "done_late"]
    working_days: int


class SystemFindingDict(TypedDict):
    """A duty finding of a registration card (:meth:`dxer.Registry.system_findings`)."""

    system: str
    finding: Finding


class RegistryFindingDict(TypedDict):
    """:meth:`dxer.RegistryFinding.to_dict`: one flat row."""

    record_id: str
    version: int
    line: int | None
    source: str | None
    code: str
    severity: Severity
    pointer: str
    message: str
    provision: str
    fix: str | None


StatsRow = TypedDict(
    "StatsRow",
    {
        "provider": str,
        "provider_name_az": str,
        "provider_name_en": str,
        "services": int,
        "approved": int,
        "electronic": int,
        "in_person": int,
        "mixed": int,
        "ehis_integrated": int,
        "on_portal": int,
        "on_own_site": int,
        "without_authentication": int,
        "e_payment": int,
        "free": int,
        "paid": int,
        "proactive": int,
        "composite": int,
        "with_variants": int,
        "open_data": int,
        "overdue_duties": Union[int, None],
        "terminated_or_archived": int,
    },
)
"""One row of :meth:`dxer.Registry.stats` (the columns of the statistics CSV, in order)."""


class StatsColumn(TypedDict):
    """One column of the statistics."""

    name: str
    en: str
    az: str


class MostUsed(TypedDict):
    """One of the most used services (:meth:`dxer.Registry.most_used`)."""

    rank: int
    service_code: str
    record_id: str
    name_az: str
    name_en: str
    provider: str
    provider_name_az: str
    count: int


class StatsReport(TypedDict):
    """:meth:`dxer.Registry.stats_report`."""

    as_of: datetime.date | None
    providers_version: str
    rows: list[StatsRow]
    totals: StatsRow
    undated_duties: list[RegistryFinding]
    most_used: list[MostUsed]
    usage_not_in_registry: list[str]


class CpsvLoss(TypedDict):
    """An input property or value that ``from_cpsv_jsonld`` did not map."""

    pointer_or_path: str
    property: str
    reason: str


DigestStatus = Literal["valid", "mismatch", "missing"]
"""Status of :func:`dxer.verify_digest`."""


__all__ = [
    "JSON",
    "Amendment",
    "CardProblem",
    "Change",
    "CpsvLoss",
    "DigestStatus",
    "Day",
    "DayOffReason",
    "DocumentKind",
    "DutyDict",
    "Holiday",
    "Lang",
    "LoadProblem",
    "LoadSummary",
    "Messages",
    "Period",
    "RecordInput",
    "RecordStatus",
    "RegistryEntry",
    "RegistryFindingDict",
    "RuleLevel",
    "Severity",
    "MostUsed",
    "StatsColumn",
    "StatsReport",
    "StatsRow",
    "SystemDutyDict",
    "SystemDutyStatusDict",
    "SystemFindingDict",
]
