# Hand-written stubs of the Rust extension module dxer._dxer (checked with `python -m mypy.stubtest dxer`).

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, Literal, final

from dxer.types import (
    Amendment,
    JSON,
    Change,
    CpsvLoss,
    DigestStatus,
    Day,
    DocumentKind,
    DutyDict,
    LoadProblem,
    LoadSummary,
    RegistryEntry,
    MostUsed,
    StatsColumn,
    StatsReport,
    StatsRow,
    CardProblem,
    RegistryFindingDict,
    Holiday,
    Lang,
    Messages,
    Period,
    RecordInput,
    RecordStatus,
    RuleLevel,
    Severity,
    SystemDutyDict,
    SystemDutyStatusDict,
    SystemFindingDict,
)

__version__: str
__all__ = [
    "BoundListLoader",
    "Calendar",
    "CodeLists",
    "CpsvImport",
    "DigestCheck",
    "Duty",
    "DutyStatus",
    "Finding",
    "ListLoader",
    "Policy",
    "Registry",
    "RegistryFinding",
    "Report",
    "Transition",
    "__version__",
    "allowed_events",
    "amend",
    "apply_event",
    "canonical_bytes",
    "canonical_json",
    "check_options",
    "diff",
    "diff_values",
    "digest",
    "due_findings",
    "duties",
    "from_cpsv_jsonld",
    "next_state",
    "opendata_columns",
    "render_html",
    "render_markdown",
    "schema_org_script_tag",
    "status_at",
    "system_due_findings",
    "system_duties",
    "system_status_at",
    "to_cpsv_jsonld",
    "to_csv",
    "to_jsonl",
    "to_schema_org",
    "validate",
    "validate_many",
    "verify_digest",
    "with_digest",
]

@final
class Finding:
    """One finding: a located, explained problem in a record."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def pointer(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def messages(self) -> Messages: ...
    @property
    def provision(self) -> str: ...
    @property
    def fix(self) -> str | None: ...
    @property
    def lang(self) -> Lang: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Report:
    """The result of validating one document: ``ok``, ``kind`` and every finding."""

    @property
    def ok(self) -> bool: ...
    @property
    def kind(self) -> Literal["record", "reglament"]: ...
    @property
    def lang(self) -> Lang: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def errors(self) -> list[Finding]: ...
    @property
    def warnings(self) -> list[Finding]: ...
    @property
    def infos(self) -> list[Finding]: ...
    @property
    def error_count(self) -> int: ...
    def codes(self) -> list[str]: ...
    def in_lang(self, lang: str) -> Report: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, indent: int | None = None) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Finding]: ...
    def __getitem__(self, index: int, /) -> Finding: ...

@final
class BoundListLoader:
    """``CodeLists.with_providers_json`` / ``with_service_areas_json`` bound to its base lists."""

    def __call__(self, json: str) -> CodeLists: ...

@final
class ListLoader:
    """Descriptor: on the class it starts from the built-in lists, on an instance from that instance."""

    def __get__(self, instance: object, owner: type | None = None, /) -> BoundListLoader: ...

@final
class CodeLists:
    """Code lists to check codes against: the built-in ones, optionally with newer open lists."""

    def __new__(cls, *, providers_json: str | None = None, service_areas_json: str | None = None) -> CodeLists: ...
    @staticmethod
    def built_in() -> CodeLists: ...
    with_providers_json: ClassVar[BoundListLoader]
    with_service_areas_json: ClassVar[BoundListLoader]
    @property
    def providers_version(self) -> str: ...
    def provider(self, code: str) -> dict[str, Any] | None: ...
    def providers(self) -> list[dict[str, Any]]: ...
    def current_successor(self, code: str) -> dict[str, Any] | None: ...
    def current_successors(self, code: str) -> list[dict[str, Any]]: ...
    def service_area(self, code: str) -> dict[str, Any] | None: ...
    def label(self, list: str, code: str) -> dict[str, str] | None: ...

@final
class Calendar:
    """The Azerbaijani working-day calendar (Labour Code art. 105 + yearly Cabinet data)."""

    def __new__(cls) -> Calendar: ...
    @staticmethod
    def azerbaijan() -> Calendar: ...
    @staticmethod
    def from_json(json: str) -> Calendar: ...
    def with_years_from_json(self, json: str) -> Calendar: ...
    @property
    def version(self) -> str: ...
    @property
    def years(self) -> tuple[int, int]: ...
    def is_working_day(self, date: datetime.date) -> bool: ...
    def add(
        self,
        start: datetime.date,
        *,
        working_days: int | None = None,
        days: int | None = None,
        months: int | None = None,
    ) -> datetime.date: ...
    def working_days_between(self, start: datetime.date, end: datetime.date) -> int: ...
    def days_off(self, year: int) -> list[Day]: ...
    def extra_working_days(self, year: int) -> list[Day]: ...
    def holidays(self, year: int) -> list[Holiday]: ...

@final
class Policy:
    """Deadlines and counting rules of the registry (default: 30 / 7 / 7 working days)."""

    def __new__(
        cls,
        *,
        submit_within: Period | None = None,
        review_within: Period | None = None,
        fix_within: Period | None = None,
        due_soon_margin: int | None = None,
        max_returns: int | None = None,
        register_only_without_errors: bool | None = None,
        register_card_within: Period | None = None,
        ehis_supply_within: Period | None = None,
        regime_start: datetime.date | Literal[False] | None = None,
    ) -> Policy: ...
    @staticmethod
    def from_dict(data: dict[str, Any]) -> Policy: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def submit_within(self) -> Period: ...
    @property
    def review_within(self) -> Period: ...
    @property
    def fix_within(self) -> Period: ...
    @property
    def due_soon_margin(self) -> int: ...
    @property
    def max_returns(self) -> int | None: ...
    @property
    def register_only_without_errors(self) -> bool: ...
    @property
    def register_card_within(self) -> Period: ...
    @property
    def ehis_supply_within(self) -> Period: ...
    @property
    def regime_start(self) -> datetime.date | None: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Duty:
    """An open duty with its due date."""

    @property
    def kind(self) -> Literal["submission", "review", "fix"]: ...
    @property
    def owner(self) -> Literal["provider", "operator"]: ...
    @property
    def from_date(self) -> datetime.date: ...
    @property
    def due(self) -> datetime.date: ...
    @property
    def pointer(self) -> str: ...
    def to_dict(self) -> DutyDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class DutyStatus:
    """A duty and how it stands on a given day."""

    @property
    def duty(self) -> Duty: ...
    @property
    def standing(self) -> Literal["on_time", "due_soon", "overdue"]: ...
    @property
    def working_days(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Transition:
    """The result of an allowed event."""

    @property
    def from_state(self) -> RecordStatus: ...
    @property
    def to_state(self) -> RecordStatus: ...
    @property
    def record(self) -> dict[str, Any]: ...
    @property
    def duties(self) -> list[Duty]: ...
    def to_dict(self) -> dict[str, Any]: ...

def check_options(options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The options as the core reads them (every member, snake_case, defaults filled in).

    The same contract as the command's ``--options FILE.json`` and JavaScript's options object: unknown
    members, unknown rule codes and counts out of range raise ``ArgumentValueError``.
    """
    ...

def validate(
    record: RecordInput,
    *,
    lang: str = "az",
    kind: DocumentKind | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    codelists: CodeLists | None = None,
    hours_per_working_day: int | None = None,
    max_depth: int | None = None,
    max_input_bytes: int | None = None,
    max_list_items: int | None = None,
    max_string_bytes: int | None = None,
    max_variant_combinations: int | None = None,
) -> Report: ...
def validate_many(
    records: Iterable[RecordInput],
    *,
    lang: str = "az",
    kind: DocumentKind | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    codelists: CodeLists | None = None,
    hours_per_working_day: int | None = None,
    max_depth: int | None = None,
    max_input_bytes: int | None = None,
    max_list_items: int | None = None,
    max_string_bytes: int | None = None,
    max_variant_combinations: int | None = None,
    threads: int | None = None,
) -> list[Report]: ...
def apply_event(
    record: RecordInput,
    event: str | dict[str, Any],
    at: datetime.date,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> Transition: ...
def duties(
    record: RecordInput,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> list[Duty]: ...
def status_at(
    record: RecordInput,
    on: datetime.date,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> list[DutyStatus]: ...
def due_findings(
    record: RecordInput,
    on: datetime.date,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> list[Finding]: ...
def system_duties(
    card: RecordInput,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> list[SystemDutyDict]: ...
def system_status_at(
    card: RecordInput,
    on: datetime.date,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> list[SystemDutyStatusDict]: ...
def system_due_findings(
    card: RecordInput,
    on: datetime.date,
    policy: Policy | None = None,
    *,
    calendar: Calendar | None = None,
    lang: str = "az",
) -> list[Finding]: ...
def next_state(state: str, event: str) -> RecordStatus | None: ...
def allowed_events(state: str) -> list[str]: ...
def amend(
    previous: RecordInput, new: RecordInput, valid_from: datetime.date, *, lang: str = "az"
) -> Amendment: ...
def diff(old: RecordInput, new: RecordInput, *, lang: str = "az") -> list[Change]: ...
def diff_values(old: JSON, new: JSON) -> list[Change]: ...

@final
class RegistryFinding:
    """A cross-record finding (``DXER-X…``), located at one record version."""

    @property
    def record_id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def line(self) -> int | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def finding(self) -> Finding: ...
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def pointer(self) -> str: ...
    @property
    def message(self) -> str: ...
    def to_dict(self) -> RegistryFindingDict: ...

@final
class Registry:
    """All records of the registry, indexed by service code and provider, with cross-record findings
    (``DXER-X…``) and statistics per provider."""

    def __new__(
        cls,
        *,
        lang: str = "az",
        today: datetime.date | None = None,
        rule_levels: dict[str, RuleLevel] | None = None,
        codelists: CodeLists | None = None,
        hours_per_working_day: int | None = None,
        max_depth: int | None = None,
        max_input_bytes: int | None = None,
        max_list_items: int | None = None,
        max_string_bytes: int | None = None,
        max_variant_combinations: int | None = None,
    ) -> Registry: ...
    @staticmethod
    def from_json(
        text: str,
        *,
        lang: str = "az",
        today: datetime.date | None = None,
        rule_levels: dict[str, RuleLevel] | None = None,
        codelists: CodeLists | None = None,
        hours_per_working_day: int | None = None,
        max_depth: int | None = None,
        max_input_bytes: int | None = None,
        max_list_items: int | None = None,
        max_string_bytes: int | None = None,
        max_variant_combinations: int | None = None,
    ) -> Registry: ...
    @staticmethod
    def from_json_lines(
        text: str,
        *,
        lang: str = "az",
        today: datetime.date | None = None,
        rule_levels: dict[str, RuleLevel] | None = None,
        codelists: CodeLists | None = None,
        hours_per_working_day: int | None = None,
        max_depth: int | None = None,
        max_input_bytes: int | None = None,
        max_list_items: int | None = None,
        max_string_bytes: int | None = None,
        max_variant_combinations: int | None = None,
    ) -> Registry: ...
    @staticmethod
    def from_records(
        records: Iterable[RecordInput],
        *,
        lang: str = "az",
        today: datetime.date | None = None,
        rule_levels: dict[str, RuleLevel] | None = None,
        codelists: CodeLists | None = None,
        hours_per_working_day: int | None = None,
        max_depth: int | None = None,
        max_input_bytes: int | None = None,
        max_list_items: int | None = None,
        max_string_bytes: int | None = None,
        max_variant_combinations: int | None = None,
    ) -> Registry: ...
    @staticmethod
    def from_files(
        paths: Iterable[str | os.PathLike[str]],
        *,
        lang: str = "az",
        today: datetime.date | None = None,
        rule_levels: dict[str, RuleLevel] | None = None,
        codelists: CodeLists | None = None,
        hours_per_working_day: int | None = None,
        max_depth: int | None = None,
        max_input_bytes: int | None = None,
        max_list_items: int | None = None,
        max_string_bytes: int | None = None,
        max_variant_combinations: int | None = None,
    ) -> Registry: ...
    def load_json(self, text: str) -> LoadSummary: ...
    def load_json_lines(self, text: str) -> LoadSummary: ...
    def load_records(self, records: Iterable[RecordInput]) -> LoadSummary: ...
    def load_files(self, paths: Iterable[str | os.PathLike[str]]) -> LoadSummary: ...
    def add_information_systems_json(self, text: str) -> list[CardProblem]: ...
    def information_systems(self) -> list[dict[str, Any]]: ...
    def system_findings(
        self, on: datetime.date, policy: Policy | None = None, *, calendar: Calendar | None = None
    ) -> list[SystemFindingDict]: ...
    def __len__(self) -> int: ...
    @property
    def lang(self) -> Lang: ...
    def records(self) -> list[dict[str, Any]]: ...
    def entries(self) -> list[RegistryEntry]: ...
    def problems(self) -> list[LoadProblem]: ...
    def by_service_code(self, code: str) -> list[dict[str, Any]]: ...
    def by_provider(self, code: str) -> list[dict[str, Any]]: ...
    def service_codes(self) -> list[str]: ...
    def provider_codes(self) -> list[str]: ...
    def latest(self, record_id: str) -> dict[str, Any] | None: ...
    def latest_versions(self) -> list[dict[str, Any]]: ...
    def findings(self) -> list[RegistryFinding]: ...
    def stats(
        self,
        on: datetime.date | None = None,
        policy: Policy | None = None,
        *,
        calendar: Calendar | None = None,
        totals: bool = True,
    ) -> list[StatsRow]: ...
    def stats_csv(
        self, on: datetime.date | None = None, policy: Policy | None = None, *, calendar: Calendar | None = None
    ) -> str: ...
    def stats_report(
        self,
        on: datetime.date | None = None,
        policy: Policy | None = None,
        *,
        calendar: Calendar | None = None,
        usage: Mapping[str, int] | None = None,
        top: int = 10,
    ) -> StatsReport: ...
    def most_used(self, usage: Mapping[str, int], top: int = 10) -> list[MostUsed]: ...
    def stats_html(
        self,
        on: datetime.date | None = None,
        policy: Policy | None = None,
        *,
        calendar: Calendar | None = None,
        usage: Mapping[str, int] | None = None,
        top: int = 10,
    ) -> str: ...
    @staticmethod
    def stats_columns() -> list[StatsColumn]: ...

@final
class CpsvImport:
    """What ``from_cpsv_jsonld`` read: a record, what could not be mapped, and the record's validation."""

    @property
    def record(self) -> dict[str, Any]: ...
    @property
    def restored(self) -> bool: ...
    @property
    def losses(self) -> list[CpsvLoss]: ...
    @property
    def report(self) -> Report: ...

@final
class DigestCheck:
    """The result of ``verify_digest``."""

    @property
    def status(self) -> DigestStatus: ...
    @property
    def ok(self) -> bool: ...
    @property
    def stored(self) -> str | None: ...
    @property
    def actual(self) -> str | None: ...

def to_cpsv_jsonld(
    record: RecordInput,
    *,
    lang: str = "az",
    codelists: CodeLists | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    internal: bool = False,
) -> dict[str, Any]: ...
def from_cpsv_jsonld(
    document: dict[str, Any] | str | bytes | bytearray, *, lang: str = "az", codelists: CodeLists | None = None
) -> CpsvImport: ...
def to_schema_org(
    record: RecordInput,
    *,
    lang: str = "az",
    codelists: CodeLists | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    internal: bool = False,
) -> dict[str, Any]: ...
def schema_org_script_tag(jsonld: dict[str, Any]) -> str: ...
def to_csv(
    records: Iterable[RecordInput],
    *,
    lang: str = "az",
    codelists: CodeLists | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    internal: bool = False,
) -> str: ...
def to_jsonl(
    records: Iterable[RecordInput],
    *,
    lang: str = "az",
    codelists: CodeLists | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    internal: bool = False,
) -> str: ...
def opendata_columns(*, lang: str = "az", format: Literal["markdown", "csv"] = "markdown") -> str: ...
def render_html(
    record: RecordInput,
    *,
    lang: str = "az",
    codelists: CodeLists | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    internal: bool = False,
) -> str: ...
def render_markdown(
    record: RecordInput,
    *,
    lang: str = "az",
    codelists: CodeLists | None = None,
    today: datetime.date | None = None,
    rule_levels: dict[str, RuleLevel] | None = None,
    internal: bool = False,
) -> str: ...
def canonical_bytes(record: RecordInput, *, lang: str = "az") -> bytes: ...
def canonical_json(value: JSON) -> str: ...
def digest(record: RecordInput, *, lang: str = "az") -> str: ...
def with_digest(record: RecordInput, *, lang: str = "az") -> dict[str, Any]: ...
def verify_digest(record: RecordInput, *, lang: str = "az") -> DigestCheck: ...
